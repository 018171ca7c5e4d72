/**
 * Data for the EHCP and demand view: the months shown are the selected financial year and the
 * one before (24 months, April to March), cut at the as-at month when one is chosen.
 */
import type { EhcpFigures } from '../../domain/ehcp';
import { monthKey, monthLabel, monthShortLabel, type CalendarMonth } from '../../model/calendar';
import Decimal from 'decimal.js';
import { formatCount, formatPercent } from '../../domain/format';

export interface EhcpRow {
  key: string;
  /** "March 2023" */
  month: string;
  /** "Mar-23" */
  short: string;
  plansAtEnd: number | null;
  target: number | null;
  gap: number | null;
  inflows: number | null;
  outflows: number | null;
  rsaReceived: number | null;
  rsaTarget: number | null;
  rsaRefused: number | null;
  refusalRate: string | null;
  /** Outflows plotted below the axis. */
  pOutflows: number | null;
  /** Refusal rate in percent, for plotting only (the text comes from refusalRate). */
  pRefusalRate: number | null;
}

export function parseMonthKey(key: string): CalendarMonth {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** From April of the year before `fy` to `end` (a "2023-03" key). */
export function ehcpWindow(fy: number, end: string): { from: string; to: string } {
  return { from: monthKey({ year: fy - 1, month: 4 }), to: end };
}

export function ehcpRows(all: EhcpFigures[], window: { from: string; to: string }): EhcpRow[] {
  return all
    .filter((m) => m.month >= window.from && m.month <= window.to)
    .map((m) => {
      const cal = parseMonthKey(m.month);
      const inflows = m.newPlans === null && m.transfersIn === null ? null : (m.newPlans ?? 0) + (m.transfersIn ?? 0);
      return {
        key: m.month,
        month: monthLabel(cal),
        short: monthShortLabel(cal),
        plansAtEnd: m.plansAtEnd,
        target: m.target,
        gap: m.gapToTarget,
        inflows,
        outflows: m.outflows,
        rsaReceived: m.rsaReceived,
        rsaTarget: m.rsaTarget,
        rsaRefused: m.rsaRefused,
        refusalRate: m.rsaRefusalRate === null ? null : formatPercent(m.rsaRefusalRate, 1),
        pOutflows: m.outflows === null ? null : -m.outflows,
        pRefusalRate: m.rsaRefusalRate === null ? null : m.rsaRefusalRate.toDecimalPlaces(1).toNumber(),
      };
    });
}

/** A count, or "not given" where the files hold none. */
export function countText(n: number | null): string {
  return n === null ? 'not given' : formatCount(n);
}

/** "2 above", "3 below", "on target". */
export function gapText(gap: number): string {
  return gap === 0 ? 'on target' : `${formatCount(Math.abs(gap))} ${gap > 0 ? 'above' : 'below'}`;
}

export function plansFinding(rows: EhcpRow[]): string {
  const last = [...rows].reverse().find((r) => r.plansAtEnd !== null);
  if (!last) return 'No figures for plans in force are loaded for these months';
  const base = `${formatCount(last.plansAtEnd!)} plans at the end of ${last.month}`;
  if (last.target === null || last.gap === null) return `${base}; no target is set for that month`;
  return last.gap === 0
    ? `${base}: exactly the target of ${formatCount(last.target)}`
    : `${base}: ${gapText(last.gap)} the target of ${formatCount(last.target)}`;
}

export function flowsFinding(rows: EhcpRow[]): string {
  const both = rows.filter((r) => r.inflows !== null && r.outflows !== null);
  if (both.length === 0) return 'No monthly flows of plans are loaded for these months';
  const more = both.filter((r) => r.outflows! > r.inflows!).length;
  const began = both.reduce((s, r) => s + r.inflows!, 0);
  const ended = both.reduce((s, r) => s + r.outflows!, 0);
  return `From ${both[0]!.month} to ${both[both.length - 1]!.month}, ${formatCount(began)} plans began and ${formatCount(ended)} ended; more ended than began in ${more} of ${both.length} months`;
}

/** Refused ÷ received over the months that give both, as "31.6%"; null where none do. */
export function overallRefusalRate(rows: EhcpRow[]): string | null {
  const both = rows.filter((r) => r.rsaReceived !== null && r.rsaRefused !== null);
  const received = both.reduce((s, r) => s + r.rsaReceived!, 0);
  if (received === 0) return null;
  const refused = both.reduce((s, r) => s + r.rsaRefused!, 0);
  return formatPercent(new Decimal(refused).div(received).mul(100), 1);
}

export function rsaFinding(rows: EhcpRow[]): string {
  const rate = overallRefusalRate(rows);
  const refusals = rate === null ? '' : `; ${rate} of requests were refused in the months that record refusals`;
  return rsaReceivedFinding(rows) + refusals;
}

function rsaReceivedFinding(rows: EhcpRow[]): string {
  const withTarget = rows.filter((r) => r.rsaReceived !== null && r.rsaTarget !== null);
  const received = rows.filter((r) => r.rsaReceived !== null);
  if (received.length === 0) return 'No requests for statutory assessment are recorded for these months';
  if (withTarget.length === 0) {
    const total = received.reduce((s, r) => s + r.rsaReceived!, 0);
    return `${formatCount(total)} requests for assessment were received from ${received[0]!.month} to ${received[received.length - 1]!.month}; no target applied`;
  }
  const above = withTarget.filter((r) => r.rsaReceived! > r.rsaTarget!).length;
  return `Requests for assessment were above target in ${above} of the ${withTarget.length} months with a target (from ${withTarget[0]!.month})`;
}
