/** The agreement editor's rows as the user types them, and their validation. Pure. */
import { YEAR_ACCEPTED, fyLabel, parseFinancialYear } from '../../model/calendar';
import type { AgreementYear } from '../../model/dataset';
import { MONEY_ACCEPTED, parseMoney, toFixed2 } from '../../domain/money';
import type { Pence } from '../../model/money';

export interface AgreementRow {
  year: string;
  profile: string;
  contribution: string;
  surplusRequired: boolean;
  /** Only on the first year. */
  openingDeficit: string;
}

export interface FormError {
  row: number;
  field: keyof AgreementRow;
  message: string;
}

export function toRows(years: AgreementYear[]): AgreementRow[] {
  return [...years]
    .sort((a, b) => a.fy - b.fy)
    .map((y) => ({
      year: fyLabel(y.fy),
      profile: toFixed2(y.profile),
      contribution: toFixed2(y.contribution),
      surplusRequired: y.surplusRequired,
      openingDeficit: y.openingDeficit !== undefined ? toFixed2(y.openingDeficit) : '',
    }));
}

export function validateRows(rows: AgreementRow[]): { ok: true; years: AgreementYear[] } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const years: AgreementYear[] = [];
  const seen = new Map<number, number>();
  const money = (raw: string, row: number, field: keyof AgreementRow, label: string, required: boolean): Pence | undefined => {
    if (raw.trim() === '') {
      if (required) errors.push({ row, field, message: `${label}: enter an amount (${MONEY_ACCEPTED})` });
      return undefined;
    }
    const m = parseMoney(raw);
    if (!m.ok) {
      errors.push({ row, field, message: `${label}: "${raw}" is ${m.reason}; accepted: ${MONEY_ACCEPTED}` });
      return undefined;
    }
    if ('missing' in m) {
      if (required) errors.push({ row, field, message: `${label}: enter an amount` });
      return undefined;
    }
    return m.pence;
  };
  if (rows.length === 0) errors.push({ row: 0, field: 'year', message: 'Add at least one year' });
  rows.forEach((r, i) => {
    const fy = parseFinancialYear(r.year);
    if (!fy.ok) errors.push({ row: i, field: 'year', message: `Year: "${r.year}" is ${fy.reason}; accepted: ${YEAR_ACCEPTED}` });
    else if (seen.has(fy.value)) errors.push({ row: i, field: 'year', message: `Year: ${fyLabel(fy.value)} is already on row ${seen.get(fy.value)! + 1}` });
    if (fy.ok) seen.set(fy.value, i);
    const profile = money(r.profile, i, 'profile', 'Deficit profile', true);
    const contribution = money(r.contribution, i, 'contribution', 'DfE contribution', true);
    if (contribution !== undefined && contribution < 0) errors.push({ row: i, field: 'contribution', message: 'DfE contribution: cannot be negative' });
    const opening = money(r.openingDeficit, i, 'openingDeficit', 'Opening deficit', false);
    if (fy.ok && profile !== undefined && contribution !== undefined) {
      years.push({ fy: fy.value, profile, contribution, surplusRequired: r.surplusRequired, ...(opening !== undefined ? { openingDeficit: opening } : {}) });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  years.sort((a, b) => a.fy - b.fy);
  // The opening deficit belongs to the first year only (SPEC section 5).
  const stray = years.slice(1).findIndex((y) => y.openingDeficit !== undefined);
  if (stray >= 0) {
    return { ok: false, errors: [{ row: rows.findIndex((r) => parseFinancialYear(r.year).ok && (parseFinancialYear(r.year) as { value: number }).value === years[stray + 1]!.fy), field: 'openingDeficit', message: 'Opening deficit: give it on the first year only' }] };
  }
  return { ok: true, years };
}
