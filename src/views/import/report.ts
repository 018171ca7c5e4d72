/** Shaping an import's report for the screen and for its CSV download. Pure. */
import { fyLabel } from '../../model/calendar';
import { toCsv } from '../../domain/csv';
import type { Dataset } from '../../model/dataset';
import type { Pence } from '../../model/money';
import type { ImportResult } from '../../import/importFile';

export function problemsCsv(result: ImportResult): string {
  const rows: (string | number | undefined)[][] = [['severity', 'file', 'row', 'column', 'value', 'problem', 'accepted']];
  for (const p of [...result.errors, ...result.warnings]) {
    rows.push([p.severity, p.file, p.row, p.column, p.value, p.message, p.accepted]);
  }
  for (const s of result.skipped) rows.push(['skipped', result.file, s.row, undefined, undefined, s.reason, undefined]);
  return toCsv(rows);
}

/** "1.2 MB", "830 KB", "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The first rows of what a file will add, normalised: year, period, block, line, amount (pence). */
export function previewRows(data: Dataset, max = 5): { year: string; period: string; block: string; line: string; amount: Pence }[] {
  const out: { year: string; period: string; block: string; line: string; amount: Pence }[] = [];
  for (const a of data.actuals) {
    for (let p = 0; p < 12 && out.length < max; p++) {
      const v = a.actuals[p];
      if (v !== null && v !== undefined) out.push({ year: fyLabel(a.fy), period: `P${p + 1}`, block: a.block, line: a.line, amount: v });
    }
  }
  for (const b of data.budgets) if (out.length < max) out.push({ year: fyLabel(b.fy), period: 'budget', block: b.block, line: b.line, amount: b.budget });
  for (const f of data.funding) if (out.length < max) out.push({ year: fyLabel(f.fy), period: 'income', block: f.block, line: 'DSG income', amount: f.income });
  for (const y of data.agreement) if (out.length < max) out.push({ year: fyLabel(y.fy), period: 'profile', block: '', line: 'Deficit profile', amount: y.profile });
  return out.slice(0, max);
}
