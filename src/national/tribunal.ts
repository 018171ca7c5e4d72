/**
 * The SEND Tribunal appeal-rate table (a supporting file of the SEN2 release, from the MoJ): title
 * rows, a header of years over three columns each (appeals registered, total appealable decisions,
 * appeal rate), a heading row per region above its authorities, then "England Total".
 */
import Papa from 'papaparse';
import type { NationalRow, NationalTable } from '../model/national';

export const TRIBUNAL_COLUMNS = ['appeals', 'decisions', 'rate'];

/** Footnote numbers printed on the end of a name: "Dorset6", "England Total4,9". */
const stripNotes = (s: string) => s.trim().replace(/(\d+,)*\d+$/, '').trim();

function findHeader(rows: string[][]): number {
  for (let i = 0; i < Math.min(rows.length - 1, 20); i++) {
    const r = rows[i]!;
    if (/^local authority$/i.test((r[0] ?? '').trim()) && /la code/i.test(r[1] ?? '') && (rows[i + 1] ?? []).some((c) => /appeal rate/i.test(c))) return i;
  }
  return -1;
}

export function isTribunalTable(text: string): boolean {
  const head = Papa.parse<string[]>(text.slice(0, 20000), { header: false }).data;
  return findHeader(head) >= 0;
}

export function readTribunal(text: string, file: string, warnings: string[]): NationalTable | undefined {
  const rows = Papa.parse<string[]>(text, { header: false }).data;
  const h = findHeader(rows);
  if (h < 0) return undefined;
  const years = rows[h]!;
  const labels = rows[h + 1]!;
  // Each year's three columns, found by their labels ("In development" columns are left out).
  const spans: { year: string; cols: number[] }[] = [];
  for (let c = 2; c < years.length; c++) {
    const y = (years[c] ?? '').trim();
    if (!/^\d{4}$/.test(y)) continue;
    let end = c + 1;
    while (end < years.length && !/^\d{4}$/.test((years[end] ?? '').trim())) end++;
    const cols = [-1, -1, -1];
    for (let k = c; k < end; k++) {
      const l = (labels[k] ?? '').toLowerCase();
      if (l.includes('in development')) continue;
      if (l.includes('appeals registered')) cols[0] = k;
      else if (l.includes('appealable decisions')) cols[1] = k;
      else if (l.includes('appeal rate')) cols[2] = k;
    }
    if (cols.some((k) => k < 0)) warnings.push(`${file}, row ${h + 2}: the columns for ${y} are not all there (appeals registered, total appealable decisions, appeal rate); ${y} left out.`);
    else spans.push({ year: y, cols });
  }
  const out: NationalRow[] = [];
  let region: string | undefined;
  for (let i = h + 2; i < rows.length; i++) {
    const r = rows[i]!;
    const name = stripNotes(r[0] ?? '');
    const code = (r[1] ?? '').trim();
    const rest = r.slice(2).some((c) => c.trim() !== '');
    if (name === '') continue;
    if (/^england total$/i.test(name)) {
      for (const s of spans) out.push({ period: s.year, level: 'national', name: 'England', values: s.cols.map((k) => (r[k] ?? '').trim()) });
      break; // below it: a total excluding suppressed figures, then sources and notes
    }
    if (!code && !rest) {
      // London's authorities sit under "INNER LONDON" and "OUTER LONDON": both are in London.
      region = /^(inner|outer) london$/i.test(name) ? 'London' : name;
      continue;
    }
    if (!/^\d{3}$/.test(code)) {
      warnings.push(`${file}, row ${i + 1}: ${name} has no LA code (a former authority); left out.`);
      continue;
    }
    for (const s of spans) {
      const row: NationalRow = { period: s.year, level: 'la', la: code, name, values: s.cols.map((k) => (r[k] ?? '').trim()) };
      if (region) row.region = region;
      out.push(row);
    }
  }
  return { id: 'tribunal', file, periodType: 'calendar', columns: TRIBUNAL_COLUMNS, rows: out };
}
