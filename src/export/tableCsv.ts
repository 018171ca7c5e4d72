/**
 * A table on screen as CSV rows. A cell's data-value (the exact two-decimal figure behind
 * "(£136,000)") wins over its text, so numbers leave as numbers; counts printed with thousands
 * separators lose them. Text goes through toCsv, which neutralises formulas.
 */
import { toCsv, type CsvCell } from '../domain/csv';

const GROUPED_COUNT = /^-?\d{1,3}(,\d{3})+$/;

function cellText(cell: HTMLTableCellElement): CsvCell {
  const exact = cell.dataset.value;
  if (exact !== undefined) return exact;
  // Screen-reader-only notes ("the year being viewed") and the block repeated for narrow screens
  // beside a line's name are not part of the cell's value.
  const copy = cell.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden, .line-block, [data-no-export]').forEach((e) => e.remove());
  const text = (copy.textContent ?? '').replace(/[▲▼]/g, '').replace(/\s+/g, ' ').trim();
  return GROUPED_COUNT.test(text) ? text.replace(/,/g, '') : text;
}

export function tableRows(table: HTMLTableElement): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const tr of Array.from(table.rows)) {
    // Columns hidden by the layout (the block column on narrow screens) still belong in the file.
    const row: CsvCell[] = [];
    for (const cell of Array.from(tr.cells)) {
      // Columns of controls (an "Edit" button) are not data.
      if (cell.dataset.noExport !== undefined) continue;
      row.push(cellText(cell));
      for (let i = 1; i < cell.colSpan; i++) row.push('');
      // Columns of their own in the file for what the screen shows as tags in this cell (a line's cost centre and flags).
      const extra = cell.dataset.csvExtra;
      if (extra !== undefined) for (const x of JSON.parse(extra) as string[]) row.push(x);
    }
    rows.push(row);
  }
  return rows;
}

export function tableCsv(table: HTMLTableElement): string {
  return toCsv(tableRows(table));
}

/** "Budget lines table" → "budget-lines-table". */
export function fileSlug(label: string): string {
  return label.toLowerCase().replace(/^table:\s*/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'table';
}
