/**
 * What every kind's sink shares: the Sink a kind implements, and the wrapper that skips blank
 * rows, totals, subtotals and headings before a row reaches it.
 */
import type { Dataset } from '../../model/dataset';
import { KIND_SPECS, normaliseHeader, type ColumnMap, type Field } from '../kinds';
import { trimCell } from '../columns';
import { listRows, type RowContext } from '../problems';
import { quoteValue } from '../../domain/quote';

/** One kind's validation and aggregation, fed one data row at a time through its RowReader. */
export interface Sink {
  /**
   * Validates and aggregates one data row; false when the row was rejected (its errors reported),
   * 'excluded' when the cost-centre map excluded it (counted and totalled apart).
   */
  row(cells: string[], rowNumber: number): boolean | 'excluded';
  /** Shown each totals row as it is skipped (never added in), for a kind that checks a printed total against its rows. */
  total?(cells: string[], rowNumber: number): void;
  finish(): Dataset;
}

export type RowOutcome = 'imported' | 'skipped' | 'rejected' | 'excluded';

export interface RowSink {
  row(cells: string[], rowNumber: number): RowOutcome;
  finish(): Dataset;
}

const TOTAL_LABEL = /^(grand )?(sub ?)?totals?\b|\b(sub)?totals?$/;

/**
 * Whether the text holds "total" in any case. A regular expression with no capture, which scans
 * a cell about four times as fast as a loop comparing character codes.
 */
function holdsTotal(text: string): boolean {
  return HOLDS_TOTAL.test(text);
}

const HOLDS_TOTAL = /total/i;

export function isTotalLabel(text: string): boolean {
  // Normalising only drops punctuation and case, so a label without "total" in it never matches:
  // the quick test spares a million-row ledger a normalisation per cell.
  if (!holdsTotal(text)) return false;
  return TOTAL_LABEL.test(normaliseHeader(text));
}

/** Label values remembered as not totals; past this, a file's labels are checked one by one. */
const MAX_REMEMBERED_LABELS = 10_000;

/** The value columns of a kind: what a subtotal row carries beside its label. */
function valueColumns(map: ColumnMap): number[] {
  const valueFields: Field[] = [
    'budget', 'actual', 'forecast', 'income', 'profile', 'contribution', 'openingDeficit', 'target',
    'plansAtStart', 'newPlans', 'transfersIn', 'ceased', 'movedOut', 'inactive', 'plansEnded', 'plansAtEnd', 'rsaReceived', 'rsaRefused',
    'count', 'annualCost',
  ];
  const cols = valueFields.map((f) => map.fields[f]).filter((c): c is number => c !== undefined);
  return [...cols, ...map.months.map((m) => m.col)];
}

/**
 * Wraps a kind's sink with what every kind shares: blank rows, totals and subtotal rows, and
 * section headings are skipped with a note, never added in.
 */
export function skippingSink(ctx: RowContext, map: ColumnMap, inner: Sink, throughMap = false): RowSink {
  // A file read through the cost-centre map (a budget-v-actual report by cost centre) is keyed by its codes too.
  const keys = throughMap ? [...new Set([...KIND_SPECS[map.kind].keys, 'costCentre', 'account'] as const)] : KIND_SPECS[map.kind].keys;
  const keyCols = keys.map((f) => map.fields[f]).filter((c): c is number => c !== undefined);
  const labelCols = [...new Set([0, ...keyCols])];
  const valueCols = valueColumns(map);
  const blankRows: number[] = [];
  // Labels with "total" in them already seen not to be totals ("Totally Inclusive Trust").
  const notTotals = new Set<string>();
  return {
    row(cells, rowNumber) {
      let empty = true;
      for (let i = 0; i < cells.length; i++) {
        if (trimCell(cells[i]) !== '') {
          empty = false;
          break;
        }
      }
      if (empty) {
        blankRows.push(rowNumber);
        return 'skipped';
      }
      for (let i = 0; i < labelCols.length; i++) {
        const v = cells[labelCols[i]!];
        // The scan for "total" first: cheaper than hashing the cell into the set (each row's
        // cells are new strings), and almost every label lacks the word.
        if (!v || !holdsTotal(v) || notTotals.has(v)) continue;
        if (!isTotalLabel(v)) {
          if (notTotals.size < MAX_REMEMBERED_LABELS) notTotals.add(v);
        } else {
          ctx.skipped.push({ row: rowNumber, reason: `a totals row ("${quoteValue(v.trim())}"): not added in` });
          inner.total?.(cells, rowNumber);
          return 'skipped';
        }
      }
      let keysFilled = 0;
      for (let i = 0; i < keyCols.length; i++) if (trimCell(cells[keyCols[i]!]) !== '') keysFilled++;
      if (keysFilled === 0 || (keyCols.length >= 2 && keysFilled <= 1)) {
        const hasValues = valueCols.some((c) => (cells[c] ?? '').trim() !== '');
        const label = quoteValue(cells.find((c) => c.trim() !== '')?.trim() ?? '');
        ctx.skipped.push({
          row: rowNumber,
          reason: hasValues ? `a subtotal row (a label, "${label}", and only sums): not added in` : `a heading or note row ("${label}")`,
        });
        return 'skipped';
      }
      const outcome = inner.row(cells, rowNumber);
      return outcome === 'excluded' ? 'excluded' : outcome ? 'imported' : 'rejected';
    },
    finish() {
      if (blankRows.length > 0) ctx.skipped.push({ row: blankRows[0]!, reason: `blank ${listRows(blankRows)} skipped` });
      ctx.skipped.sort((a, b) => a.row - b.row);
      return inner.finish();
    },
  };
}
