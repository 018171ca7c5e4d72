/**
 * The contributions editor's rows as the user types them (instalments, other contributions,
 * agreement revisions) and their validation. Money through parseMoney, never parseFloat. Pure.
 */
import { YEAR_ACCEPTED, fyLabel, parseFinancialYear } from '../../model/calendar';
import type { AgreementRevision, Instalment, InstalmentStatus, OtherContribution } from '../../model/dataset';
import { MONEY_ACCEPTED, parseMoney, toFixed2 } from '../../domain/money';
import type { Pence } from '../../model/money';
import { isRealDate } from '../conditions/conditionForm';
import { toRows, validateRows, type AgreementRow } from '../settings/agreementForm';

export const STATUSES: InstalmentStatus[] = ['scheduled', 'received', 'withheld'];
export const SOURCES: OtherContribution['source'][] = ['council', 'stability-grant', 'other'];
export const SOURCE_TEXT: Record<OtherContribution['source'], string> = {
  council: "Council's general fund",
  'stability-grant': 'High Needs Stability Grant write-off',
  other: 'Other',
};

export interface InstalmentDraft { year: string; amount: string; status: string; date: string; note: string }
export interface OtherDraft { year: string; amount: string; source: string; label: string; date: string }
export interface RevisionDraft { date: string; label: string; years: AgreementRow[] }

export interface Drafts {
  instalments: InstalmentDraft[];
  others: OtherDraft[];
  revisions: RevisionDraft[];
}

export type Section = 'instalments' | 'others' | 'revisions';

export interface DraftError {
  section: Section;
  row: number;
  field: string;
  message: string;
}

export function toDrafts(d: { instalments?: Instalment[]; otherContributions?: OtherContribution[]; revisions?: AgreementRevision[] }): Drafts {
  return {
    instalments: (d.instalments ?? []).map((i) => ({ year: fyLabel(i.fy), amount: toFixed2(i.amount), status: i.status, date: i.date ?? '', note: i.note ?? '' })),
    others: (d.otherContributions ?? []).map((o) => ({ year: fyLabel(o.fy), amount: toFixed2(o.amount), source: o.source, label: o.label, date: o.date ?? '' })),
    revisions: (d.revisions ?? []).map((r) => ({ date: r.date, label: r.label, years: toRows(r.years) })),
  };
}

export function validateDrafts(
  drafts: Drafts,
  agreementFys: number[],
): { ok: true; instalments: Instalment[]; otherContributions: OtherContribution[]; revisions: AgreementRevision[] } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const years = new Set(agreementFys);
  const year = (section: Section, row: number, raw: string, what: string): number | undefined => {
    const fy = parseFinancialYear(raw);
    if (!fy.ok) {
      errors.push({ section, row, field: 'year', message: `${what} ${row + 1}, agreement year: "${raw}" is ${fy.reason}; accepted: ${YEAR_ACCEPTED}` });
      return undefined;
    }
    if (section === 'instalments' && !years.has(fy.value)) {
      errors.push({ section, row, field: 'year', message: `${what} ${row + 1}, agreement year: ${fyLabel(fy.value)} is not a year of the agreement` });
      return undefined;
    }
    return fy.value;
  };
  const amount = (section: Section, row: number, raw: string, what: string): Pence | undefined => {
    const m = parseMoney(raw);
    if (!m.ok || 'missing' in m) {
      errors.push({ section, row, field: 'amount', message: `${what} ${row + 1}, amount: ${raw.trim() === '' ? 'enter an amount' : `"${raw}" is ${m.ok ? 'empty' : m.reason}`}; accepted: ${MONEY_ACCEPTED}` });
      return undefined;
    }
    if (m.pence < 0) {
      errors.push({ section, row, field: 'amount', message: `${what} ${row + 1}, amount: cannot be negative` });
      return undefined;
    }
    return m.pence;
  };
  const date = (section: Section, row: number, raw: string, what: string, required: boolean): string | undefined => {
    const s = raw.trim();
    if (s === '') {
      if (required) errors.push({ section, row, field: 'date', message: `${what} ${row + 1}, date: enter a date` });
      return undefined;
    }
    if (!isRealDate(s)) {
      errors.push({ section, row, field: 'date', message: `${what} ${row + 1}, date: "${s}" is not a date; give day, month and year` });
      return undefined;
    }
    return s;
  };

  const instalments: Instalment[] = [];
  drafts.instalments.forEach((d, i) => {
    const fy = year('instalments', i, d.year, 'Instalment');
    const a = amount('instalments', i, d.amount, 'Instalment');
    if (!(STATUSES as string[]).includes(d.status)) errors.push({ section: 'instalments', row: i, field: 'status', message: `Instalment ${i + 1}, status: choose scheduled, received or withheld` });
    const dt = date('instalments', i, d.date, 'Instalment', true);
    if (fy !== undefined && a !== undefined && dt !== undefined && (STATUSES as string[]).includes(d.status)) {
      instalments.push({ fy, amount: a, status: d.status as InstalmentStatus, date: dt, ...(d.note.trim() ? { note: d.note.trim() } : {}) });
    }
  });
  const otherContributions: OtherContribution[] = [];
  drafts.others.forEach((d, i) => {
    const fy = year('others', i, d.year, 'Other contribution');
    const a = amount('others', i, d.amount, 'Other contribution');
    if (!(SOURCES as string[]).includes(d.source)) errors.push({ section: 'others', row: i, field: 'source', message: `Other contribution ${i + 1}, source: choose one of the list` });
    const dt = date('others', i, d.date, 'Other contribution', false);
    const label = d.label.trim() || SOURCE_TEXT[d.source as OtherContribution['source']] || 'Other';
    if (fy !== undefined && a !== undefined && (SOURCES as string[]).includes(d.source)) {
      otherContributions.push({ fy, amount: a, source: d.source as OtherContribution['source'], label, ...(dt ? { date: dt } : {}) });
    }
  });
  const revisions: AgreementRevision[] = [];
  drafts.revisions.forEach((d, i) => {
    const dt = date('revisions', i, d.date, 'Revision', true);
    if (d.label.trim() === '') errors.push({ section: 'revisions', row: i, field: 'label', message: `Revision ${i + 1}, name: say what the revision is, such as "Re-profiled March 2024"` });
    const v = validateRows(d.years);
    if (!v.ok) for (const e of v.errors) errors.push({ section: 'revisions', row: i, field: `years-${e.row}-${e.field}`, message: `Revision ${i + 1}, year row ${e.row + 1}: ${e.message}` });
    else if (dt !== undefined && d.label.trim() !== '') revisions.push({ date: dt, label: d.label.trim(), years: v.years });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, instalments, otherContributions, revisions };
}
