/** The agreement's years as a table, and what the DfE has still to pay subject to progress. */
import type { Report } from '../../domain/report';
import type { Status } from '../../domain/calculate';
import { formatPercent } from '../../domain/format';
import { sum, type Pence } from '../../model/money';

export interface AgreementRow {
  fy: number;
  label: string;
  profile: Pence;
  contribution: Pence;
  contributionsToDate: Pence | null;
  surplusRequired: boolean;
  gross: Pence | null;
  latestPeriod: number | null;
  /** Gross − profile: positive is excess, negative headroom. */
  excess: Pence | null;
  percent: string | null;
  status: Status;
}

export function agreementRows(report: Report): AgreementRow[] {
  return report.years
    .filter((y) => y.agreement !== null)
    .map((y) => ({
      fy: y.fy,
      label: y.label,
      profile: y.agreement!.profile,
      contribution: y.agreement!.contribution,
      contributionsToDate: y.dfeContributionsToDate,
      surplusRequired: y.surplusRequired,
      gross: y.cumulativeDeficitGross,
      latestPeriod: y.latestPeriod,
      excess: y.varianceToProfile,
      percent: y.varianceToProfilePercent === null ? null : formatPercent(y.varianceToProfilePercent.abs()),
      status: y.status,
    }));
}

/**
 * Contributions for the years after the one being viewed: the DfE pays these only if progress
 * stays satisfactory, so they are what is at stake.
 */
export function contributionsAtStake(report: Report, fy: number): { total: Pence; years: string[] } | null {
  const later = report.years.filter((y) => y.agreement !== null && y.fy > fy);
  if (later.length === 0) return null;
  return { total: sum(later.map((y) => y.agreement!.contribution)), years: later.map((y) => y.label) };
}
