/**
 * The detection stage: which row is the header and which kind the file is, from the first rows
 * a source offers (a CSV's head split by each delimiter it may use; a sheet's first rows).
 */
import { FIELD_LABELS, KIND_LABELS, KIND_PRIORITY, applyChoices, describeRequired, mapColumns, satisfies, type ColumnChoices, type ColumnMap, type Field, type Kind } from './kinds';
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
}

export interface DetectionFailure {
  error: string;
  accepted: string;
  /** The widest row near the top, offered for mapping the columns by hand. */
  widest: string[];
}

/**
 * The header row and kind: in each candidate, the first row within the first 20 that has a
 * kind's required columns; across candidates, the one whose header matches the most columns.
 */
export function detectHeader(candidates: Iterable<HeaderCandidate>, kind?: Kind, choices?: ColumnChoices): Detection | DetectionFailure {
  const kinds = kind ? [kind] : KIND_PRIORITY;
  let best: (Detection & { score: number }) | undefined;
  let widest: string[] = [];
  for (const { delimiter, rows } of candidates) {
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      const row = rows[i]!;
      if (row.length > widest.length) widest = row;
      const found = kinds.map((k) => (choices && kind ? applyChoices(mapColumns(k, row), row, choices) : mapColumns(k, row))).find(satisfies);
      if (found) {
        const score = Object.keys(found.fields).length + found.months.length - i / 100;
        if (!best || score > best.score) best = { ...(delimiter !== undefined ? { delimiter } : {}), headerIndex: i, header: row, map: found, score };
        break;
      }
    }
  }
  if (best) return best;
  const seen = widest.map((h) => h.trim()).filter(Boolean).slice(0, 15).join(', ');
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

export interface ColumnUse {
  column: string;
  field: string;
}

/** What each column was taken as, in words, and the columns the kind does not use. */
export function describeColumns(det: Detection): { columns: ColumnUse[]; extra: string[] } {
  const columns: ColumnUse[] = Object.entries(det.map.fields).map(([field, col]) => ({
    column: columnName(det.header, col),
    field: FIELD_LABELS[field as Field] + (field === 'actual' && det.map.ytd ? ' (year to date)' : ''),
  }));
  for (const m of det.map.months) {
    columns.push({ column: columnName(det.header, m.col), field: det.map.kind === 'budget' ? `budget profile P${m.period}` : `actual P${m.period}` });
  }
  columns.sort((a, b) => a.column.localeCompare(b.column, 'en', { numeric: true }));
  return { columns, extra: det.map.extra.map((c) => columnName(det.header, c)) };
}
