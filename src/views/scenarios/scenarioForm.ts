/**
 * The scenario forms' rules, pure (no React): each savings-plan form read into the scenario part
 * it adds, or the error for each field; the plan's items in words; the saved list after a save;
 * which two scenarios are compared; and the comparison's title.
 */
import Decimal from 'decimal.js';
import { fyLabel, monthLabel, monthOfKey } from '../../model/calendar';
import type { SavedScenario } from '../../model/dataset';
import { abs, MoneyOverflowError, sub, type Pence } from '../../model/money';
import type { PlacementType } from '../../model/placements';
import type { DriverChange, OneOff, PlacementChange, Scenario } from '../../model/scenario';
import { formatPounds } from '../../domain/format';
import { fromPounds } from '../../domain/money';
import { DRIVER_LABELS, project, type ProjectedYear, type ProjectionBase } from '../../domain/projection';
import { readMonth, readNumber, readPounds } from './shape';

/** A form read: the value it adds, or an error for each field that is wrong (by the field's name). */
export type FormRead<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const money = (p: Pence | null) => (p === null ? '–' : formatPounds(p));

/** A projection, or none where its figures cannot be held exactly: one bad scenario never blanks the view. */
export function safeProject(base: ProjectionBase, s: Scenario): ProjectedYear[] {
  try {
    return project(base, s);
  } catch {
    return [];
  }
}

export interface AmountDraft {
  label: string;
  /** The agreement year chosen, as the select holds it; empty when there is none to choose. */
  fy: string;
  kind: 'saving' | 'pressure';
  amount: string;
  every: boolean;
}

/** A saving (held negative) or pressure in a year, or every year from it. */
export function readAmountForm(d: AmountDraft): FormRead<OneOff> {
  const a = readPounds(d.amount, { positive: true });
  const errors: Record<string, string> = {};
  if (!a.ok) errors.amount = a.reason;
  if (d.fy === '') errors.fy = 'There is no agreement year to put it in';
  if (!a.ok || d.fy === '') return { ok: false, errors };
  const pounds = d.kind === 'saving' ? new Decimal(a.value).neg().toString() : a.value;
  return { ok: true, value: { label: d.label.trim() || (d.kind === 'saving' ? 'Saving' : 'Pressure'), fy: Number(d.fy), pounds, ...(d.every ? { everyYearFrom: true } : {}) } };
}

export interface DriverChangeDraft {
  label: string;
  driver: DriverChange['driver'];
  change: string;
  from: string;
}

/** A change added to a driver from a month: pounds for the cost per plan, a number for the others. */
export function readDriverChangeForm(d: DriverChangeDraft): FormRead<DriverChange> {
  const c = d.driver === 'costPerPlan' ? readPounds(d.change) : readNumber(d.change);
  const m = readMonth(d.from);
  if (!c.ok || !m.ok) return { ok: false, errors: { ...(c.ok ? {} : { change: c.reason }), ...(m.ok ? {} : { from: m.reason }) } };
  return { ok: true, value: { label: d.label.trim() || 'Driver change', driver: d.driver, change: c.value, fromMonth: m.value } };
}

export interface PlacementChangeDraft {
  label: string;
  type: PlacementType;
  count: string;
  /** Where the plans go instead; empty: they leave High Needs. */
  to: PlacementType | '';
  from: string;
}

/** Fewer placements of a type from a month (held as a negative change), optionally placed in another type. */
export function readPlacementChangeForm(d: PlacementChangeDraft): FormRead<PlacementChange> {
  const c = readNumber(d.count, { min: '0' });
  const m = readMonth(d.from);
  const errors: Record<string, string> = { ...(c.ok ? {} : { count: c.reason }), ...(m.ok ? {} : { from: m.reason }) };
  if (d.to === d.type) errors.to = 'Choose another type, or none';
  if (!c.ok || !m.ok || d.to === d.type) return { ok: false, errors };
  return { ok: true, value: { label: d.label.trim() || 'Placement change', type: d.type, change: new Decimal(c.value).neg().toString(), fromMonth: m.value, ...(d.to ? { to: d.to } : {}) } };
}

/** "Banding review: saving of £250,000 a year from 2025-26". */
export function oneOffText(o: OneOff): string {
  const amount = new Decimal(o.pounds);
  return `${o.label}: ${amount.isNegative() ? 'saving' : 'pressure'} of ${formatPounds(fromPounds(amount.abs()))} ${o.everyYearFrom ? `a year from ${fyLabel(o.fy)}` : `in ${fyLabel(o.fy)}`}`;
}

/** "Early help: new plans a month -2 from September 2026". */
export function driverChangeText(c: DriverChange): string {
  return `${c.label}: ${DRIVER_LABELS[c.driver].toLowerCase()} ${new Decimal(c.change).isNegative() ? '' : '+'}${c.change} from ${monthLabel(monthOfKey(c.fromMonth))}`;
}

/** The saved list with this scenario saved under `name` (replacing one of that name), and the words said. */
export function withSaved(saved: readonly SavedScenario[], name: string, savedAt: string, scenario: Scenario): { list: SavedScenario[]; label: string; done: string } {
  const replacing = saved.some((s) => s.name === name);
  return {
    list: [...saved.filter((s) => s.name !== name), { name, savedAt, scenario }],
    label: `scenario "${name}" saved`,
    done: replacing ? `Saved: "${name}" replaces the scenario of that name.` : `Saved: "${name}".`,
  };
}

/** What stands for the scenario being edited in the comparison's pickers. */
export const CURRENT = '__current__';

/**
 * The two scenarios compared: those the reader picked, else two different ones where two exist
 * (the first saved one against the next, or against the one being edited).
 */
export function comparedPair(saved: readonly SavedScenario[], pickedA: string | null, pickedB: string | null): { a: string; b: string } {
  const a = pickedA ?? saved[0]?.name ?? CURRENT;
  const b = pickedB ?? saved.find((s) => s.name !== a)?.name ?? (a === CURRENT ? (saved[0]?.name ?? CURRENT) : CURRENT);
  return { a, b };
}

/** Which of A and B ends the last agreement year lower, and by how much (a checked subtraction). */
export function compareTitle(c: { name: string; years: ProjectedYear[] }[]): string {
  const [x, y] = c;
  const lx = x?.years.at(-1);
  const ly = y?.years.at(-1);
  if (!lx || !ly) return 'No agreement years are left to compare';
  if (lx.cumulativeDeficitGross === ly.cumulativeDeficitGross) return `A and B end ${lx.label} with the same cumulative deficit`;
  const lower = lx.cumulativeDeficitGross < ly.cumulativeDeficitGross ? 'A' : 'B';
  let diff: Pence;
  try {
    diff = abs(sub(lx.cumulativeDeficitGross, ly.cumulativeDeficitGross));
  } catch (e) {
    // Never a rounded difference: said without the amount instead.
    if (e instanceof MoneyOverflowError) return `${lower} ends ${lx.label} with the lower cumulative deficit, by more than can be held exactly`;
    throw e;
  }
  return `${lower} ends ${lx.label} with a cumulative deficit ${formatPounds(diff)} lower`;
}
