/**
 * Forms a file cannot decide for itself, offered as a choice (the browser's Import screen), each
 * with a preview of the file's first rows as they will be read under it: the user sees which
 * reading is right before anything is imported. The command line asks the same with an option.
 *
 * Which questions a file raises is what the column stage found open (ImportResult.openQuestions,
 * raised where a cell cannot be read without the form; openQuestions.ts), so a file is asked
 * only what it leaves open. A preview runs the import core itself on the first rows, a prefix at a time, so each row shows what that row adds, read exactly as the whole
 * file will be (the forms decided by the first cells that decide them, as in the full import).
 */
import Papa from 'papaparse';
import { fyLabel, monthOfPeriod } from '../model/calendar';
import { type Dataset } from '../model/dataset';
import { sub } from '../model/money';
import type { FormQuestion, PreviewRow } from './forms';
import { importTable, type ImportOptions, type ImportResult } from './importFile';
import { QUESTIONS, formsAsked } from './openQuestions';


/** Rows previewed under each option. */
export const PREVIEW_ROWS = 5;

/**
 * The first open question, with each option's preview of the first data rows (`rows` is the
 * table's first rows as cells: the title lines, the header and at least PREVIEW_ROWS below it).
 */
export function formQuestion(rows: string[][], file: string, result: ImportResult, options: ImportOptions = {}): FormQuestion | undefined {
  const asked = formsAsked(result, options.forms);
  const first = asked[0];
  if (!first || result.headerRow === undefined) return undefined;
  const q = QUESTIONS[first.key];
  const headerAt = result.headerRow - 1;
  return {
    key: first.key,
    legend: q.legend,
    example: { row: first.row, ...(first.value !== undefined ? { value: first.value } : {}) },
    options: q.options.map((o) => ({ ...o, preview: preview(rows, headerAt, file, { ...options, forms: { ...options.forms, ...o.choices } }) })),
  };
}

/** Each of the first data rows as read: what it adds to the data, from imports of growing prefixes. */
function preview(rows: string[][], headerAt: number, file: string, options: ImportOptions): PreviewRow[] {
  const out: PreviewRow[] = [];
  const quiet: ImportOptions = { ...options };
  delete quiet.onProgress;
  delete quiet.shouldCancel;
  let before: Dataset | undefined;
  for (let i = headerAt + 1; i < rows.length && out.length < PREVIEW_ROWS; i++) {
    if (rows[i]!.every((c) => c.trim() === '')) continue;
    const r = importTable(rows.slice(0, i + 1), file, quiet);
    const rowNumber = i + 1;
    const err = r.errors.find((e) => e.row === rowNumber);
    const skipped = r.skipped.find((s) => s.row === rowNumber);
    if (err) out.push({ row: rowNumber, error: err.message });
    else if (skipped) out.push({ row: rowNumber, error: `not read: ${skipped.reason}` });
    else out.push({ row: rowNumber, ...added(before, r.data) });
    before = r.data;
  }
  return out;
}

/** The one figure a row added: an actual in a period, or a budget line. */
function added(before: Dataset | undefined, after: Dataset): Omit<PreviewRow, 'row'> {
  for (const a of after.actuals) {
    const old = before?.actuals.find((b) => b.fy === a.fy && b.block === a.block && b.line === a.line && b.costCentre === a.costCentre);
    for (let p = 0; p < 12; p++) {
      const now = a.actuals[p];
      const was = old?.actuals[p] ?? null;
      if (now === null || now === undefined || now === was) continue;
      const m = monthOfPeriod(a.fy, p + 1);
      const month = new Date(Date.UTC(m.year, m.month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      return { period: `P${p + 1} ${fyLabel(a.fy)} (${month} ${m.year})`, line: a.line, amount: was === null ? now : sub(now, was) };
    }
  }
  for (const b of after.budgets) {
    if (before?.budgets.some((x) => x.fy === b.fy && x.block === b.block && x.line === b.line)) continue;
    return { period: fyLabel(b.fy), line: b.line, amount: b.budget };
  }
  return { error: 'adds no figure' };
}

/** Bytes enough for the title lines, the header and the previewed rows of any CSV export. */
const HEAD_BYTES = 256 * 1024;

/** A CSV's first rows as cells, decoded as the import decoded it (the rows to preview). */
export function csvHeadRows(bytes: Uint8Array, result: Pick<ImportResult, 'encoding' | 'delimiter' | 'headerRow'>): string[][] {
  const enc = result.encoding ?? 'utf-8';
  const label = enc.startsWith('utf-16le') ? 'utf-16le' : enc.startsWith('utf-16be') ? 'utf-16be' : enc === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const head = bytes.length > HEAD_BYTES;
  let text = new TextDecoder(label).decode(bytes.subarray(0, HEAD_BYTES));
  // The last line of a cut head may be cut too: drop it.
  if (head) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  const rows = Papa.parse<string[]>(text, { delimiter: result.delimiter ?? ',' }).data;
  return rows.slice(0, (result.headerRow ?? 1) + PREVIEW_ROWS * 4);
}

/** The result with its first open form question and previews attached, where it has one. */
export function withFormQuestion(result: ImportResult, rows: () => string[][], options: ImportOptions = {}): ImportResult {
  if (formsAsked(result, options.forms).length === 0) return result;
  const q = formQuestion(rows(), result.file, result, options);
  return q ? { ...result, formQuestion: q } : result;
}
