/**
 * The Scenarios view's data shaping, kept out of the components so it can be tested in Node:
 * reading the inputs exactly (decimal strings, never parseFloat) and the chart rows (pounds as
 * numbers only for the pixels; the exact figures go to the table and tooltip as text).
 */
import Decimal from 'decimal.js';
import { monthKey, parseCalendarMonth } from '../../model/calendar';
import { formatPounds } from '../../domain/format';
import { MONEY_ACCEPTED, fromPounds, parseMoney, toFixed2 } from '../../domain/money';
import type { Pence } from '../../model/money';
import type { Drivers } from '../../model/scenario';
import type { ProjectedYear, Sensitivity } from '../../domain/projection';

export type Read = { ok: true; value: string } | { ok: false; reason: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
export const NUMBER_ACCEPTED = 'a number such as 12, 12.5 or -3';
export const PERCENT_ACCEPTED = 'a percentage such as 3, 3.5% or -1';

/** A plain decimal number, with an optional lower bound. */
export function readNumber(raw: string, options: { min?: string } = {}): Read {
  const s = raw.replace(/,/g, '').trim();
  if (s === '') return { ok: false, reason: `Enter ${NUMBER_ACCEPTED}` };
  if (!NUMBER.test(s)) return { ok: false, reason: `"${raw.trim()}" is not a number. Enter ${NUMBER_ACCEPTED}` };
  const d = new Decimal(s);
  if (options.min !== undefined && d.lt(options.min)) return { ok: false, reason: `Enter a number of at least ${options.min}` };
  return { ok: true, value: d.toString() };
}

/** A percentage ("3.5" or "3.5%") as a fraction ("0.035"); from −100% up. */
export function readPercent(raw: string): Read {
  const r = readNumber(raw.replace(/%\s*$/, ''));
  // The message quotes what was typed ("3.5%%"), not what was left after one % was taken off.
  if (!r.ok) return { ok: false, reason: r.reason.replace(NUMBER_ACCEPTED, PERCENT_ACCEPTED).replace(/^"[^"]*"/, `"${raw.trim()}"`) };
  const d = new Decimal(r.value);
  if (d.lte(-100)) return { ok: false, reason: 'Enter a percentage above -100%' };
  return { ok: true, value: d.div(100).toString() };
}

/** Money in pounds as councils write it (£1,234.56, (£196k), £2.5m), as a pounds decimal string. */
export function readPounds(raw: string, options: { positive?: boolean } = {}): Read {
  const r = parseMoney(raw);
  if (!r.ok) return { ok: false, reason: `${r.reason}. Enter ${MONEY_ACCEPTED}` };
  if ('missing' in r) return { ok: false, reason: `Enter an amount: ${MONEY_ACCEPTED}` };
  if (options.positive && r.pence <= 0) return { ok: false, reason: 'Enter an amount above £0' };
  return { ok: true, value: toFixed2(r.pence).replace(/\.00$/, '') };
}

/** A month as "2026-09". */
export function readMonth(raw: string): Read {
  const r = parseCalendarMonth(raw.trim());
  if (!r.ok) return { ok: false, reason: `${r.reason}. Enter a month such as September 2026 or 2026-09` };
  return { ok: true, value: monthKey(r.value) };
}

export type DriverInputs = Record<keyof Drivers, string>;
const RATES: (keyof Drivers)[] = ['inflation', 'incomeGrowth'];

/** The drivers as the inputs show them: rates as percentages. */
export function driversToInputs(d: Drivers): DriverInputs {
  return {
    newPlansPerMonth: d.newPlansPerMonth,
    endingsPerMonth: d.endingsPerMonth,
    costPerPlan: d.costPerPlan,
    inflation: new Decimal(d.inflation).mul(100).toString(),
    incomeGrowth: new Decimal(d.incomeGrowth).mul(100).toString(),
  };
}

export function readDriver(key: keyof Drivers, raw: string): Read {
  if (RATES.includes(key)) return readPercent(raw);
  if (key === 'costPerPlan') return readPounds(raw);
  return readNumber(raw, { min: '0' });
}

/** Each input read; the drivers use the value typed where it is valid, else the one before. */
export function readDrivers(inputs: DriverInputs, fallback: Drivers): { drivers: Drivers; errors: Partial<Record<keyof Drivers, string>> } {
  const drivers = { ...fallback };
  const errors: Partial<Record<keyof Drivers, string>> = {};
  for (const key of Object.keys(inputs) as (keyof Drivers)[]) {
    const r = readDriver(key, inputs[key]);
    if (r.ok) drivers[key] = r.value;
    else errors[key] = r.reason;
  }
  return { drivers, errors };
}

const pounds = (p: Pence | null) => (p === null ? null : new Decimal(p).div(100).toNumber());

export interface Series {
  name: string;
  years: ProjectedYear[];
}

export interface ForecastChartRow {
  label: string;
  fy: number;
  profile: Pence | null;
  pProfile: number | null;
  /** Each series' cumulative deficit, exact, in the order of the series. */
  values: (Pence | null)[];
  /** The same in pounds, for plotting only: s0, s1, … */
  [key: `s${number}`]: number | null;
}

/** Rows for the chart and its table: each year with the profile and each series' cumulative deficit. */
export function forecastRows(series: Series[]): ForecastChartRow[] {
  const fys = [...new Set(series.flatMap((s) => s.years.map((y) => y.fy)))].sort((a, b) => a - b);
  return fys.map((fy) => {
    const ys = series.map((s) => s.years.find((y) => y.fy === fy) ?? null);
    const first = ys.find((y) => y !== null)!;
    const row: ForecastChartRow = {
      label: first.label,
      fy,
      profile: first.profile,
      pProfile: pounds(first.profile),
      values: ys.map((y) => y?.cumulativeDeficitGross ?? null),
    };
    ys.forEach((y, i) => {
      row[`s${i}`] = pounds(y?.cumulativeDeficitGross ?? null);
    });
    return row;
  });
}

/** The heading of the forecast chart: its finding. */
export function forecastFinding(years: ProjectedYear[]): string {
  if (years.length === 0) return 'No agreement years are left to project';
  const over = years.find((y) => y.excess !== null && y.excess > 0);
  const last = years[years.length - 1]!;
  return over
    ? `On this scenario the cumulative deficit goes above the agreed profile in ${over.label}`
    : `On this scenario the cumulative deficit stays within the agreed profile to ${last.label}`;
}

export interface TornadoRow {
  label: string;
  lowText: string;
  highText: string;
  lowEffect: Pence;
  highEffect: Pence;
  pLow: number;
  pHigh: number;
}

const driverValue = (s: Sensitivity, v: string) =>
  s.driver === 'inflation' || s.driver === 'incomeGrowth'
    ? `${new Decimal(v).mul(100).toDecimalPlaces(2).toString()}%`
    : s.driver === 'costPerPlan'
      ? formatPounds(fromPounds(v), { pence: true })
      : new Decimal(v).toDecimalPlaces(2).toString();

export function tornadoRows(s: Sensitivity[]): TornadoRow[] {
  return s.map((x) => ({
    label: x.label,
    lowText: driverValue(x, x.low),
    highText: driverValue(x, x.high),
    lowEffect: x.lowEffect,
    highEffect: x.highEffect,
    pLow: pounds(x.lowEffect)!,
    pHigh: pounds(x.highEffect)!,
  }));
}

/** "+£240,000" / "(£240,000)": a change in the deficit, signed. */
export function effectText(p: Pence): string {
  return p > 0 ? `+${formatPounds(p)}` : formatPounds(p);
}
