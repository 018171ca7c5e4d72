/**
 * The detection stage: which row is the header and which kind the file is, from the first rows
 * a source offers (a CSV's head split by each delimiter it may use; a sheet's first rows).
 */
import { quoteValue } from '../domain/quote';
import { FIELD_LABELS, KIND_PRIORITY, applyChoices, satisfies, describeRequired, mapColumns, type ColumnChoices, type ColumnMap, type Field } from './kinds';
import { KIND_LABELS, type Kind } from '../model/kinds';
import { blockHeading, titleScan, type TitleValues } from './forms';
import { columnName } from './problems';

/** Rows searched for the header, below any title lines. */
export const HEADER_SEARCH_ROWS = 20;

/** A source's first rows, as read one way (for a CSV, with one delimiter). */
export interface HeaderCandidate {
  /** The delimiter these rows were split by; none for a spreadsheet's rows. */
  delimiter?: string;
  rows: string[][];
}

export interface Detection {
  /** The delimiter of the rows the header was found in (CSV only). */
  delimiter?: string;
  /** 0-based index of the header record. */
  headerIndex: number;
  header: string[];
  map: ColumnMap;
  /** The rows searched (title lines, header and the first data rows), for detecting the file's forms. */
  rows: string[][];
  /** The header is two rows (merged cells saved as CSV): `header` joins them cell by cell. */
  headerRows: 1 | 2;
  /** What the title lines above the header give (year, period, units). */
  title: TitleValues;
}

export interface DetectionFailure {
  error: string;
  accepted: string;
  /** The widest row near the top, offered for mapping the columns by hand. */
  widest: string[];
}

/**
 * A kind's columns in a header: debit and credit columns with no amount column stand for the
 * amount (net = Dr − Cr, applied by the column stage), so a ledger of Dr and Cr is a ledger.
 */
export function mapWithForms(kind: Kind, row: string[], choices?: ColumnChoices): ColumnMap {
  const map = choices ? applyChoices(mapColumns(kind, row), row, choices) : mapColumns(kind, row);
  const { debit, credit, actual } = map.fields;
  if (actual === undefined && debit !== undefined && credit !== undefined) map.fields.actual = debit;
  return map;
}

/** Fields a file gives other than in a column: the year and period in its title lines, the block in heading rows. */
function givenFields(headerIndex: number, title: TitleValues, headingBelow: boolean[]): Set<Field> {
  const given = new Set<Field>();
  if (title.year) given.add('year');
  if (title.period) given.add('period');
  if (headingBelow[headerIndex]) given.add('block');
  return given;
}

/** For each row, whether a block heading row comes anywhere below it: worked out once, from the bottom up. */
function headingsBelow(rows: string[][]): boolean[] {
  const below = new Array<boolean>(rows.length).fill(false);
  for (let i = rows.length - 2; i >= 0; i--) below[i] = below[i + 1]! || blockHeading(rows[i + 1]!) !== undefined;
  return below;
}

/** Whether a header has a kind's required columns, counting the fields the file gives elsewhere. */
export function satisfiesGiven(map: ColumnMap, given: ReadonlySet<Field>, header?: string[], sample: string[][] = []): boolean {
  return satisfies(map, header, sample, given);
}

const NUMBER_CELL = /^[\s£(−–-]*\d[\d,.\s]*\)?-?$/;

/** Two rows joined cell by cell ("Annual" over "Budget" is "Annual Budget"), as merged header cells save to CSV. */
export function joinHeaderRows(top: string[], bottom: string[]): string[] {
  const n = Math.max(top.length, bottom.length);
  const out: string[] = [];
  for (let c = 0; c < n; c++) out.push([top[c] ?? '', bottom[c] ?? ''].map((v) => v.trim()).filter(Boolean).join(' '));
  return out;
}

/** A row that can be the upper of two header rows: two or more words, none a number, over a row of words. */
function twoRowHeader(top: string[], bottom: string[] | undefined): boolean {
  if (!bottom) return false;
  const filled = (r: string[]) => r.filter((c) => c.trim() !== '');
  const t = filled(top);
  const b = filled(bottom);
  return t.length >= 2 && b.length >= 2 && ![...t, ...b].some((c) => NUMBER_CELL.test(c.trim()));
}

/** How many of a row's cells any kind takes as one of its columns. */
function recognised(row: string[]): number {
  const cols = new Set<number>();
  for (const k of KIND_PRIORITY) {
    const m = mapColumns(k, row);
    for (const c of Object.values(m.fields)) cols.add(c);
    for (const c of m.months) cols.add(c.col);
  }
  return cols.size;
}

/** The first kind's map, in priority order, that `ok` accepts: later kinds are not mapped at all. */
function firstMap(kinds: readonly Kind[], row: string[], choices: ColumnChoices | undefined, ok: (m: ColumnMap) => boolean): ColumnMap | undefined {
  for (const k of kinds) {
    const m = mapWithForms(k, row, choices);
    if (ok(m)) return m;
  }
  return undefined;
}

/**
 * The header row and kind: in each candidate, the first row within the first 20 that has a
 * kind's required columns (or, with the row below it, two header rows that do); across
 * candidates, the one whose header matches the most columns. A year or period given in the
 * title lines, and a block given by heading rows, stand for those columns.
 */
export function detectHeader(candidates: Iterable<HeaderCandidate>, kind?: Kind, choices?: ColumnChoices): Detection | DetectionFailure {
  const kinds = kind ? [kind] : KIND_PRIORITY;
  const useChoices = choices && kind ? choices : undefined;
  let best: (Detection & { score: number }) | undefined;
  let widest: string[] = [];
  for (const { delimiter, rows } of candidates) {
    const titleAbove = titleScan(rows);
    const below = headingsBelow(rows);
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      const row = rows[i]!;
      if (row.length > widest.length) widest = row;
      const title = titleAbove(i);
      let given = givenFields(i, title, below);
      let header = row;
      let headerIndex = i;
      // A kind the user chose is taken on its columns alone; a detected one must also mean it.
      const sample = kind ? [] : rows.slice(i + 1, i + 11);
      let found = firstMap(kinds, row, useChoices, (m) => satisfiesGiven(m, given, kind ? undefined : row, sample));
      if (twoRowHeader(row, rows[i + 1])) {
        // Two header rows are taken only where, joined, they name more columns than either row alone.
        const joined = joinHeaderRows(row, rows[i + 1]!);
        const joinedGiven = givenFields(i + 1, title, below);
        const two = firstMap(kinds, joined, useChoices, (m) => satisfiesGiven(m, joinedGiven, kind ? undefined : joined, rows.slice(i + 2, i + 12)));
        const named = recognised(joined);
        if (two && named > recognised(row) && named > recognised(rows[i + 1]!)) {
          found = two;
          header = joined;
          headerIndex = i + 1;
          given = joinedGiven;
        }
      }
      if (found) {
        const score = Object.keys(found.fields).length + found.months.length - headerIndex / 100;
        if (!best || score > best.score) {
          best = {
            ...(delimiter !== undefined ? { delimiter } : {}),
            headerIndex, header, map: found, score, rows, headerRows: headerIndex === i ? 1 : 2, title,
          };
        }
        break;
      }
    }
  }
  if (best) return best;
  const seen = widest.map((h) => quoteValue(h.trim(), 40)).filter(Boolean).slice(0, 15).join(', ');
  const wanted = kind
    ? `a ${KIND_LABELS[kind]} file needs columns for ${describeRequired(kind)}`
    : 'for example a budget file needs columns for ' + describeRequired('budget') + '; actuals need ' + describeRequired('actuals');
  return {
    error: kind
      ? `no row within the first ${HEADER_SEARCH_ROWS} has the columns of a ${KIND_LABELS[kind]} file (columns seen: ${seen || 'none'})`
      : `the kind of file could not be recognised: no row within the first ${HEADER_SEARCH_ROWS} has the columns of any kind (columns seen: ${seen || 'none'})`,
    accepted: wanted,
    widest,
  };
}

/** Column names in a person's order (P2 before P10); one collator, as localeCompare with options makes one a call. */
const COLUMN_ORDER = new Intl.Collator('en', { numeric: true });

export interface ColumnUse {
  column: string;
  field: string;
}

/** What each column was taken as, in words, and the columns the kind does not use. */
export function describeColumns(det: Detection): { columns: ColumnUse[]; extra: string[] } {
  const { debit, credit, actual } = det.map.fields;
  const netOfDrCr = debit !== undefined && credit !== undefined && actual === debit;
  const columns: ColumnUse[] = Object.entries(det.map.fields).filter(([field]) => !(netOfDrCr && field === 'actual')).map(([field, col]) => ({
    column: columnName(det.header, col),
    field: FIELD_LABELS[field as Field] + (field === 'actual' && det.map.ytd ? ' (year to date)' : '') + (netOfDrCr && (field === 'debit' || field === 'credit') ? ' (actual = debit − credit)' : ''),
  }));
  for (const m of det.map.months) {
    columns.push({ column: columnName(det.header, m.col), field: det.map.kind === 'budget' ? `budget profile P${m.period}` : `actual P${m.period}` });
  }
  columns.sort((a, b) => COLUMN_ORDER.compare(a.column, b.column));
  return { columns, extra: det.map.extra.map((c) => columnName(det.header, c)) };
}
