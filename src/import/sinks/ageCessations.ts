/**
 * The progress report's cessations by age group: a row per age group with the plans made inactive
 * in the period and those ceasing in progress. The period is only in the heading
 * ("AGE GROUPS (2022 / February 2023)"): its last month is the month the figures are as at. The
 * printed total row is checked against the groups, never trusted alone.
 */
import { emptyDataset, type AgeCessation } from '../../model/dataset';
import type { AgeBand } from '../../model/placements';
import { parseAgeBand } from '../../domain/placements';
import { COUNT_ACCEPTED, type RowReader } from '../columns';
import type { Sink } from './common';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_YEAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(20\d{2})\b/gi;

/** The period a heading names: its last "Month YYYY" is the month the table is as at. */
export function agePeriod(text: string): { asAt: string; period: string } | undefined {
  const found = [...text.matchAll(MONTH_YEAR)];
  const last = found[found.length - 1];
  if (!last) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith(last[1]!.toLowerCase().slice(0, 3))) + 1;
  const inBrackets = /\(([^)]*)\)/.exec(text);
  return { asAt: `${last[2]}-${String(month).padStart(2, '0')}`, period: (inBrackets?.[1] ?? text).trim() };
}

const PERIOD_ACCEPTED = 'a heading that names the period\'s last month and year, such as "AGE GROUPS (2022 / February 2023)", or a title line above the table that does';
const BAND_ACCEPTED = 'Age 0-4, Age 5-10, Age 11-15, Age 16-19 or Age 20-25';

export function ageCessationsSink(r: RowReader): Sink {
  const bandCol = r.map.fields.ageBand!;
  const inactiveCol = r.map.fields.inactive!;
  const ceasingCol = r.map.fields.ceasingInProgress!;
  const heading = r.ctx.header[bandCol] ?? '';
  const titles = r.forms.titleLines ?? [];
  const period = agePeriod(heading) ?? [...titles].reverse().map((t) => agePeriod(t.text)).find((p) => p !== undefined);
  const rows = new Map<AgeBand, AgeCessation & { rowNumber: number }>();
  const totals: { rowNumber: number; madeInactive: number | null | undefined; ceasing: number | null | undefined }[] = [];
  let told = false;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      if (!period) {
        if (!told) r.error(bandCol, heading.trim(), 'the table does not say which period it covers', PERIOD_ACCEPTED);
        told = true;
        return false;
      }
      const raw = (cells[bandCol] ?? '').trim();
      const band = parseAgeBand(raw);
      if (!band) r.error(bandCol, raw, 'not an age group the progress report uses', BAND_ACCEPTED);
      const madeInactive = r.count(inactiveCol);
      const ceasing = r.count(ceasingCol);
      if (madeInactive === null) r.error(inactiveCol, '', 'the number made inactive is empty (write 0 if there were none)', COUNT_ACCEPTED);
      if (ceasing === null) r.error(ceasingCol, '', 'the number ceasing in progress is empty (write 0 if there are none)', COUNT_ACCEPTED);
      if (r.rejected || !band || madeInactive === null || madeInactive === undefined || ceasing === null || ceasing === undefined) return false;
      const first = rows.get(band);
      if (first) {
        r.error(bandCol, raw, `the age group appears twice (first in row ${first.rowNumber})`, 'each age group once');
        return false;
      }
      rows.set(band, { asAt: period.asAt, period: period.period, ageBand: band, madeInactive, ceasingInProgress: ceasing, rowNumber });
      return true;
    },
    total(cells, rowNumber) {
      r.start(cells, rowNumber);
      totals.push({ rowNumber, madeInactive: r.count(inactiveCol), ceasing: r.count(ceasingCol) });
    },
    finish() {
      const list = [...rows.values()];
      const sum = (f: (x: AgeCessation) => number) => list.reduce((s, x) => s + f(x), 0);
      for (const t of totals) {
        r.start([], t.rowNumber);
        r.cells = [];
        const check = (col: number, printed: number | null | undefined, added: number, what: string) => {
          if (printed !== null && printed !== undefined && printed !== added) {
            r.error(col, String(printed), `the total ${what} is not the sum of the age groups (${list.map((x) => (col === inactiveCol ? x.madeInactive : x.ceasingInProgress)).join(' + ')} = ${added})`, 'a total equal to the age groups added up');
          }
        };
        check(inactiveCol, t.madeInactive, sum((x) => x.madeInactive), 'made inactive');
        check(ceasingCol, t.ceasing, sum((x) => x.ceasingInProgress), 'ceasing in progress');
      }
      return { ...emptyDataset(), ageCessations: list.map(({ rowNumber: _n, ...x }) => x) };
    },
  };
}
