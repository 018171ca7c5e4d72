/**
 * EHCP flows (SPEC section 6): plans at end = start + new + transfers in − outflows, where the
 * outflows are ceased + moved out + inactive or deceased, or plans ended where not broken down.
 * Where the given figures disagree the given ones are kept and a warning names the month and both
 * figures. Targets hold from their month until the next for the same metric.
 */
import { formatCount } from './format';
import Decimal from 'decimal.js';
import { monthLabel, type CalendarMonth } from '../model/calendar';
import type { EhcpField, EhcpMonth, Target } from '../model/dataset';

export interface EhcpFigures {
  month: string;
  plansAtStart: number | null;
  newPlans: number | null;
  transfersIn: number | null;
  /** All plans leaving in the month. */
  outflows: number | null;
  ceased: number | null;
  movedOut: number | null;
  inactive: number | null;
  plansAtEnd: number | null;
  /** The end worked out from the flows, where it can be. */
  computedEnd: number | null;
  target: number | null;
  gapToTarget: number | null;
  rsaReceived: number | null;
  rsaTarget: number | null;
  rsaGapToTarget: number | null;
  rsaRefused: number | null;
  /** Refused ÷ received, as a percentage; null where either is unknown or none were received. */
  rsaRefusalRate: Decimal | null;
  warnings: string[];
}

function parseKey(key: string): CalendarMonth {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

function previousKey(key: string): string {
  const { year, month } = parseKey(key);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The target in force for a metric at a month: the latest set on or before it. */
export function targetAt(targets: Target[], metric: EhcpField, month: string): number | null {
  let found: Target | undefined;
  for (const t of targets) if (t.metric === metric && t.month <= month && (!found || t.month > found.month)) found = t;
  return found ? found.target : null;
}

const v = (m: EhcpMonth, f: EhcpField) => m[f] ?? null;

export function analyseEhcp(months: EhcpMonth[], targets: Target[]): EhcpFigures[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const out: EhcpFigures[] = [];
  const byMonth = new Map<string, EhcpFigures>();
  for (const m of sorted) {
    const warnings: string[] = [];
    const label = monthLabel(parseKey(m.month));
    const ceased = v(m, 'ceased');
    const movedOut = v(m, 'movedOut');
    const inactive = v(m, 'inactive');
    const broken = [ceased, movedOut, inactive];
    const brokenDown = broken.some((x) => x !== null) ? broken.reduce<number>((s, x) => s + (x ?? 0), 0) : null;
    const ended = v(m, 'plansEnded');
    if (brokenDown !== null && ended !== null && brokenDown !== ended) {
      warnings.push(
        `${label}: plans ended are given as ${formatCount(ended)}, but ceased + moved out + inactive or deceased = ${formatCount(brokenDown)}; the breakdown is used`,
      );
    }
    const outflows = brokenDown ?? ended;
    const given = v(m, 'plansAtStart');
    const previous = byMonth.get(previousKey(m.month));
    if (given !== null && previous?.plansAtEnd != null && previous.plansAtEnd !== given) {
      warnings.push(
        `${label}: plans at start are given as ${formatCount(given)}, but ${monthLabel(parseKey(previous.month))} ended with ${formatCount(previous.plansAtEnd)}`,
      );
    }
    const start = given ?? previous?.plansAtEnd ?? null;
    const newPlans = v(m, 'newPlans');
    const transfersIn = v(m, 'transfersIn');
    const computedEnd =
      start !== null && newPlans !== null && outflows !== null ? start + newPlans + (transfersIn ?? 0) - outflows : null;
    const givenEnd = v(m, 'plansAtEnd');
    if (givenEnd !== null && computedEnd !== null && givenEnd !== computedEnd) {
      warnings.push(
        `${label}: plans at end are given as ${formatCount(givenEnd)}, but start + new + transfers in − outflows = ${formatCount(computedEnd)}; the given figure is kept`,
      );
    }
    const plansAtEnd = givenEnd ?? computedEnd;
    const target = targetAt(targets, 'plansAtEnd', m.month);
    const rsaReceived = v(m, 'rsaReceived');
    const rsaRefused = v(m, 'rsaRefused');
    const rsaTarget = targetAt(targets, 'rsaReceived', m.month);
    const fig: EhcpFigures = {
      month: m.month,
      plansAtStart: given,
      newPlans,
      transfersIn,
      outflows,
      ceased,
      movedOut,
      inactive,
      plansAtEnd,
      computedEnd,
      target,
      gapToTarget: plansAtEnd !== null && target !== null ? plansAtEnd - target : null,
      rsaReceived,
      rsaTarget,
      rsaGapToTarget: rsaReceived !== null && rsaTarget !== null ? rsaReceived - rsaTarget : null,
      rsaRefused,
      rsaRefusalRate: rsaReceived && rsaRefused !== null ? new Decimal(rsaRefused).div(rsaReceived).mul(100) : null,
      warnings,
    };
    byMonth.set(m.month, fig);
    out.push(fig);
  }
  return out;
}
