/**
 * A progress report's year-by-month grid (plans issued, or plans made inactive): a row per calendar
 * year under an unheaded first cell, Jan … Dec and a Year Total. The grid names its measure only
 * in the title line above it; "-" is a month not published (or not yet come). Each row's Year Total
 * is checked against its months, so neither is trusted alone.
 */
import { emptyDataset, type GridFigure, type GridMeasure } from '../../model/dataset';
import { COUNT_ACCEPTED, type RowReader } from '../columns';
import type { Sink } from './common';
import { parseMonthHeader } from '../kinds';
import { columnName } from '../problems';

const MEASURE_WORDS: { measure: GridMeasure; re: RegExp }[] = [
  { measure: 'newPlans', re: /\bissued\b|\bnew (ehc ?plans?|ehcps?|plans?)\b/i },
  { measure: 'plansEnded', re: /\b(made inactive|ceased|cessations?|moved away)\b/i },
];
/** Measures a progress report prints that are not these grids: a title naming one is refused. */
const OTHER_MEASURES = /\b(requests?|rsas?|assessments?|tribunals?|mediations?|appeals?|transfers?|start of month|ceasing in prog(ress)?|refus\w*)\b/i;

export const GRID_MEASURE_LABELS: Record<GridMeasure, string> = {
  newPlans: 'plans issued',
  plansEnded: 'plans made inactive',
};

const TITLE_ACCEPTED = 'a title line above the grid naming one measure: "New EHCPs issued" or "EHCPs \'made inactive\' (ceased/moved away)"';

/** The measure a grid's title lines name (the nearest line above it that names one), or why not. */
export function gridMeasure(lines: readonly { row: number; text: string }[]): { measure: GridMeasure; row: number; text: string } | { error: string; row?: number; text?: string } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const { row, text } = lines[i]!;
    const named = MEASURE_WORDS.filter((m) => m.re.test(text)).map((m) => m.measure);
    const other = OTHER_MEASURES.exec(text);
    if (named.length === 0 && !other) continue;
    if (other) return { error: `the title line names "${other[0]}", a measure these grids do not hold`, row, text };
    if (named.length > 1) return { error: 'the title line names both plans issued and plans made inactive', row, text };
    return { measure: named[0]!, row, text };
  }
  return { error: 'no title line above the grid says what it counts' };
}

export function ehcpGridSink(r: RowReader): Sink {
  const figures: GridFigure[] = [];
  const years = new Map<number, number>();
  // A month heading given twice would leave one column unread: refused, never half-read.
  const repeated = r.map.extra.find((c) => parseMonthHeader(r.ctx.header[c] ?? '') !== undefined);
  const found = repeated !== undefined
    ? { error: `the month ${(r.ctx.header[repeated] ?? '').trim()} has two columns (${columnName(r.ctx.header, repeated)} and another)`, row: undefined, text: undefined }
    : gridMeasure(r.forms.titleLines ?? []);
  // The month columns as calendar months: period 1 is April, period 10 January.
  const months = r.map.months.map((m) => ({ col: m.col, month: ((m.period + 2) % 12) + 1 })).sort((a, b) => a.month - b.month);
  const yearCol = r.map.fields.year!;
  const totalCol = r.map.fields.yearTotal!;
  let told = false;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      if ('error' in found) {
        // Said once, at the title line where there is one: without its measure no row can be read.
        if (!told) {
          told = true;
          r.ctx.errorCount++;
          r.ctx.errors.push({
            severity: 'error', file: r.ctx.file, ...(found.row !== undefined ? { row: found.row } : {}),
            ...(found.text !== undefined ? { value: found.text } : {}), message: found.error, accepted: TITLE_ACCEPTED,
          });
        } else r.rejected = true;
        return false;
      }
      const yearRaw = (cells[yearCol] ?? '').trim();
      const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : undefined;
      if (year === undefined || year < 2000 || year > 2099) {
        r.error(yearCol, yearRaw, 'not a calendar year', 'a year from 2000 to 2099 in the first column, such as 2023');
        return false;
      }
      const row: GridFigure[] = [];
      let sum = 0;
      for (const m of months) {
        const v = r.count(m.col);
        if (v === null || v === undefined) continue;
        sum += v;
        row.push({ measure: found.measure, month: `${year}-${String(m.month).padStart(2, '0')}`, count: v });
      }
      const total = r.count(totalCol);
      if (total === null) r.error(totalCol, '', 'the Year Total is empty', COUNT_ACCEPTED);
      else if (total !== undefined && !r.rejected && total !== sum) {
        r.error(totalCol, String(total), `the Year Total is not the sum of the months given (${row.map((f) => f.count).join(' + ') || 'none'} = ${sum})`, 'a Year Total equal to the months added up');
      }
      if (r.rejected) return false;
      const first = years.get(year);
      if (first !== undefined) {
        r.error(yearCol, yearRaw, `the year appears twice (first in row ${first})`, 'each year once');
        return false;
      }
      years.set(year, rowNumber);
      figures.push(...row);
      return true;
    },
    finish() {
      return { ...emptyDataset(), progressGrids: figures.sort((a, b) => a.month.localeCompare(b.month)) };
    },
  };
}
