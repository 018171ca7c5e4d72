/**
 * Unmitigated and mitigated forecasts (issue 6), as councils present DSG management plans: the
 * projection with no action, and with the savings plan. A scenario's savings plan is every item
 * in it that lowers the deficit: a one-off or recurring saving (a negative amount), a driver
 * change in the cheaper direction (fewer new plans, more plans ending, a lower cost per plan) and
 * every placement change. Pressures (positive amounts, changes the other way) are not actions the
 * council takes, so they stay in the unmitigated forecast too.
 */
import Decimal from 'decimal.js';
import { fyLabel, monthLabel, monthOfKey } from '../model/calendar';
import { PLACEMENT_LABELS } from '../model/placements';
import { formatPounds } from './format';
import { fromPounds } from './money';
import { sub, type Pence } from '../model/money';
import { DRIVER_LABELS, project, type ProjectedYear, type ProjectionBase } from './projection';
import type { DriverChange, OneOff, Scenario } from '../model/scenario';


export function oneOffIsSaving(o: OneOff): boolean {
  return new Decimal(o.pounds).isNegative();
}

export function changeIsSaving(c: DriverChange): boolean {
  const d = new Decimal(c.change);
  return c.driver === 'endingsPerMonth' ? d.isPositive() && !d.isZero() : d.isNegative();
}

/** The scenario without its savings plan. */
export function unmitigated(s: Scenario): Scenario {
  return {
    drivers: s.drivers,
    oneOffs: s.oneOffs.filter((o) => !oneOffIsSaving(o)),
    changes: s.changes.filter((c) => !changeIsSaving(c)),
    placementChanges: [],
  };
}

export function hasMitigations(s: Scenario): boolean {
  return s.oneOffs.some(oneOffIsSaving) || s.changes.some(changeIsSaving) || (s.placementChanges?.length ?? 0) > 0;
}

/** Each item of the savings plan in words. */
export function mitigationsInWords(s: Scenario): string[] {
  return [
    ...s.oneOffs.filter(oneOffIsSaving).map((o) => `${o.label}: a saving of ${formatPounds(fromPounds(new Decimal(o.pounds).neg()))} ${o.everyYearFrom ? `a year from ${fyLabel(o.fy)}` : `in ${fyLabel(o.fy)}`}.`),
    ...s.changes.filter(changeIsSaving).map((c) => `${c.label}: ${DRIVER_LABELS[c.driver].toLowerCase()} ${new Decimal(c.change).isNegative() ? 'down' : 'up'} by ${new Decimal(c.change).abs().toString()} from ${monthLabel(monthOfKey(c.fromMonth))}.`),
    ...(s.placementChanges ?? []).map((c) => {
      const d = new Decimal(c.change);
      const n = d.abs().toString();
      const what = d.isNegative() ? `${n} fewer` : `${n} more`;
      return `${c.label}: ${what} ${PLACEMENT_LABELS[c.type].toLowerCase()} placements from ${monthLabel(monthOfKey(c.fromMonth))}${c.to ? `, placed in ${PLACEMENT_LABELS[c.to].toLowerCase()} instead` : ''}.`;
    }),
  ];
}

export interface MitigatedForecast {
  unmitigated: ProjectedYear[];
  mitigated: ProjectedYear[];
  /** Final year's cumulative deficit, unmitigated less mitigated: what the plan saves. */
  saving: Pence | null;
  words: string;
}

export function mitigatedForecast(base: ProjectionBase, s: Scenario): MitigatedForecast {
  const mitigated = project(base, s);
  const without = project(base, unmitigated(s));
  const last = mitigated[mitigated.length - 1];
  const lastWithout = without[without.length - 1];
  if (!last || !lastWithout) return { unmitigated: without, mitigated, saving: null, words: 'There are no years to project.' };
  const saving = sub(lastWithout.cumulativeDeficitGross, last.cumulativeDeficitGross);
  const words = !hasMitigations(s)
    ? 'This scenario has no savings plan, so the unmitigated and mitigated forecasts are the same.'
    : `The savings plan lowers the ${last.label} cumulative deficit by ${formatPounds(saving)}: from ${formatPounds(lastWithout.cumulativeDeficitGross)} with no action to ${formatPounds(last.cumulativeDeficitGross)}.`;
  return { unmitigated: without, mitigated, saving, words };
}
