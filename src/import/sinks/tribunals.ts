/**
 * The progress report's tribunals and mediations: a row for each ("Tribunals", "Mediations"),
 * a column per calendar year ("Registered cases by calendar year | 2018 | 2019 | …"). A year left
 * "-" or empty is not given.
 */
import { emptyDataset, type CaseCount, type CaseType } from '../../model/dataset';
import { columnName } from '../problems';
import type { RowReader } from '../columns';
import type { Sink } from './common';

export function caseTypeOf(label: string): CaseType | undefined {
  if (/\bmediations?\b/i.test(label)) return 'mediations';
  if (/\b(tribunals?|appeals?)\b/i.test(label)) return 'tribunals';
  return undefined;
}

export function tribunalsSink(r: RowReader): Sink {
  const typeCol = r.map.fields.caseType!;
  const years = r.map.extra.filter((c) => /^20\d{2}$/.test((r.ctx.header[c] ?? '').trim())).map((c) => ({ col: c, year: Number(r.ctx.header[c]!.trim()) }));
  const repeated = years.find((y, i) => years.findIndex((x) => x.year === y.year) !== i);
  const seen = new Map<CaseType, number>();
  const counts: CaseCount[] = [];
  let told = false;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      if (repeated) {
        if (!told) r.error(repeated.col, String(repeated.year), `the year ${repeated.year} has two columns (${columnName(r.ctx.header, repeated.col)} and another)`, 'each calendar year once');
        told = true;
        return false;
      }
      const raw = (cells[typeCol] ?? '').trim();
      const type = caseTypeOf(raw);
      if (!type) {
        r.error(typeCol, raw, 'neither tribunals nor mediations', '"Tribunals" or "Mediations"');
        return false;
      }
      const row: CaseCount[] = [];
      for (const y of years) {
        const v = r.count(y.col);
        if (v !== null && v !== undefined) row.push({ caseType: type, year: y.year, count: v });
      }
      if (r.rejected) return false;
      const first = seen.get(type);
      if (first !== undefined) {
        r.error(typeCol, raw, `${type} appear twice (first in row ${first})`, 'one row of tribunals and one of mediations');
        return false;
      }
      seen.set(type, rowNumber);
      counts.push(...row);
      return true;
    },
    finish() {
      return { ...emptyDataset(), cases: counts.sort((a, b) => a.caseType.localeCompare(b.caseType) || a.year - b.year) };
    },
  };
}
