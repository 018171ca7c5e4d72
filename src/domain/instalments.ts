/**
 * The DfE instalments as the DCS asks about them: received, due and at risk, as at a year.
 *
 * Rules decided here (the SPEC and issue 5 say "received, due and at risk" and no more):
 * - received: the DfE contributions counted in the net deficit to that year (contributionsTo:
 *   instalments recorded as received, or a year's whole contribution where none are recorded);
 * - due: instalments recorded as scheduled, and the contributions of later agreement years with no
 *   instalments recorded, which the agreement pays subject to progress;
 * - at risk: every withheld instalment, and whatever is due, or agreed with no instalment recorded,
 *   for a year whose status is red, or for a year without actuals yet while the latest year with
 *   actuals is red (the DfE pays on progress).
 *
 * Words (issue 11): "received" is said only of instalments recorded as received. The net deficit
 * also counts the whole contribution of a year with no instalment recorded (the agreement pays it
 * by the year end); that part is "agreed, none recorded as received", never "received". This
 * module is the one place "at risk" is worked out: the Overview, Agreement, Contributions and
 * Scenarios views, the forum report and the DfE return all call instalmentPosition.
 */
import type { Analysis, YearFigures } from './calculate';
import type { Instalment } from '../model/dataset';
import { ZERO, add, sum, type Pence } from '../model/money';

export interface InstalmentItem {
  fy: number;
  label: string;
  amount: Pence;
  status: 'received' | 'scheduled' | 'withheld' | 'agreed';
  date?: string;
  note?: string;
}

export interface InstalmentPosition {
  /** What the net deficit counts to the end of the year: recordedReceived + agreedUnrecorded. */
  counted: Pence;
  /** Instalments recorded as received, for agreement years up to the year. */
  recordedReceived: Pence;
  /** The contributions of agreement years up to the year with no instalment recorded. */
  agreedUnrecorded: Pence;
  /** The years whose contribution is counted though no instalment is recorded. */
  unrecordedYears: string[];
  due: Pence;
  atRisk: Pence;
  withheld: Pence;
  dueItems: InstalmentItem[];
  atRiskItems: InstalmentItem[];
  /** Every instalment recorded, by year and date. */
  recorded: InstalmentItem[];
}

export function instalmentPosition(analysis: Analysis, instalments: Instalment[], y: YearFigures): InstalmentPosition {
  const agreementYears = analysis.years.filter((x) => x.agreement !== null);
  const label = (fy: number) => analysis.years.find((x) => x.fy === fy)?.label ?? String(fy);
  const recorded: InstalmentItem[] = [...instalments]
    .sort((a, b) => a.fy - b.fy || (a.date ?? '').localeCompare(b.date ?? ''))
    .map((i) => ({ fy: i.fy, label: label(i.fy), amount: i.amount, status: i.status, ...(i.date ? { date: i.date } : {}), ...(i.note ? { note: i.note } : {}) }));
  const dueItems: InstalmentItem[] = [
    ...recorded.filter((i) => i.status === 'scheduled'),
    ...agreementYears
      .filter((x) => x.fy > y.fy && !instalments.some((i) => i.fy === x.fy))
      .map((x): InstalmentItem => ({ fy: x.fy, label: x.label, amount: x.agreement!.contribution, status: 'agreed' })),
  ].sort((a, b) => a.fy - b.fy);
  const latestWithData = [...analysis.years].reverse().find((x) => x.latestPeriod !== null && x.fy <= y.fy);
  const redYear = (fy: number) => {
    const year = analysis.years.find((x) => x.fy === fy);
    if (year && year.latestPeriod !== null) return year.status === 'red';
    return latestWithData?.status === 'red';
  };
  const withheldItems = recorded.filter((i) => i.status === 'withheld');
  // The contributions of years up to this one with no instalment recorded are counted in the net
  // deficit but not received: they are at risk on the same terms as what is due.
  const agreedUnrecordedItems = agreementYears
    .filter((x) => x.fy <= y.fy && !instalments.some((i) => i.fy === x.fy))
    .map((x): InstalmentItem => ({ fy: x.fy, label: x.label, amount: x.agreement!.contribution, status: 'agreed' }));
  const atRiskItems = [...withheldItems, ...[...agreedUnrecordedItems, ...dueItems].filter((i) => redYear(i.fy))].sort((a, b) => a.fy - b.fy);
  const total = (xs: InstalmentItem[]) => sum(xs.map((i) => i.amount));
  const upTo = agreementYears.filter((x) => x.fy <= y.fy);
  const unrecorded = upTo.filter((x) => !instalments.some((i) => i.fy === x.fy));
  const recordedReceived = sum(instalments.filter((i) => i.status === 'received' && upTo.some((x) => x.fy === i.fy)).map((i) => i.amount));
  const agreedUnrecorded = sum(unrecorded.map((x) => x.agreement!.contribution));
  return {
    counted: y.dfeContributionsToDate ?? ZERO,
    recordedReceived,
    agreedUnrecorded,
    unrecordedYears: unrecorded.map((x) => x.label),
    due: total(dueItems),
    atRisk: total(atRiskItems),
    withheld: withheldItems.reduce((s, i) => add(s, i.amount), ZERO),
    dueItems,
    atRiskItems,
    recorded,
  };
}

/** "£8,300,000 received; £2,100,000 agreed for 2025-26, no instalment recorded as received." */
export function countedText(pos: InstalmentPosition, money: (p: Pence) => string): string {
  const parts: string[] = [];
  if (pos.recordedReceived !== ZERO || pos.agreedUnrecorded === ZERO) parts.push(`${money(pos.recordedReceived)} recorded as received`);
  if (pos.agreedUnrecorded !== ZERO) {
    parts.push(`${money(pos.agreedUnrecorded)} agreed for ${pos.unrecordedYears.join(', ')}, with no instalment recorded as received`);
  }
  return parts.join('; ');
}

/** The at-risk figure in words, the same sentence on every view that states it. */
export function atRiskText(pos: InstalmentPosition, money: (p: Pence) => string): string {
  if (pos.atRisk === ZERO) return 'No DfE instalment is at risk: none is withheld and no year with actuals is off track (red).';
  const years = [...new Set(pos.atRiskItems.map((i) => i.label))].join(', ');
  return `DfE instalments at risk: ${money(pos.atRisk)} (${years}), withheld or due while the deficit is off track (red).`;
}
