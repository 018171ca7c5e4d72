/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../model/settings';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportOptions, type ImportResult } from '../import/importFile';
import { KIND_LABELS, type Kind } from '../model/kinds';
import type { FormChoices } from '../import/forms';
import { formatProblem } from '../import/problems';
import { buildNational, nationalReportJson, nationalText } from '../national/context';
import { allocationIncome, allocationUseWords } from '../national/allocationIncome';
import { mergeNational } from '../national/merge';
import { fyLabel } from '../model/calendar';
import { formatCount, formatPounds } from '../domain/format';
import type { NationalImport } from '../model/national';
import { entriesFromBudget, mergeEntries } from '../import/costCentreMap';
import { readWorkbook, sniffSpreadsheet, type Sheet } from '../import/sources/spreadsheet';
import { describeSheets, importSheets, importWorkbook, sheetPlace } from '../import/workbook';
import { TOTAL_LIMIT_WORDS, exactRangeProblem } from '../domain/exactRange';
import { MoneyOverflowError } from '../model/money';

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * A workbook's sheets for the report. With no chooser on the command line, every visible sheet
 * of a known kind is read (the example data as one workbook is the example data), each sheet
 * left out is said; `--sheet FILE=NAME` reads just the sheets named, hidden ones too.
 */
async function workbookResults(
  input: { name: string; bytes: Uint8Array },
  named: string[] | undefined,
  kind: Kind | undefined,
  warnings: string[],
  extra: ImportOptions = {},
): Promise<ImportResult[]> {
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(input.bytes);
  } catch {
    return [await importWorkbook(input.bytes, input.name)];
  }
  const as = { ...extra, ...(kind ? { kind } : {}) };
  if (named) return named.map((sheet) => importSheets(sheets, input.name, { sheet, ...as }));
  // A kind given with --kind: the first visible sheet with its columns.
  if (kind) return [importSheets(sheets, input.name, as)];
  const infos = describeSheets(sheets);
  for (const s of infos) {
    if (!s.hidden && !s.empty && !s.kind) warnings.push(`${input.name}: sheet "${s.name}" was not read: no row within its first 20 has the columns of a known kind`);
    if (s.hidden && s.kind) warnings.push(`${input.name}: sheet "${s.name}" (${s.kindLabel}) is hidden and was not read: name it with --sheet ${input.name}=NAME to read it`);
  }
  const taken = infos.filter((s) => !s.hidden && s.kind);
  // None of a known kind: the first sheet's import says why.
  if (taken.length === 0) return [importSheets(sheets, input.name, extra)];
  return taken.map((s) => importSheets(sheets, input.name, { ...extra, sheet: s.name }));
}

export interface RunOptions {
  json: boolean;
  tolerance?: string | undefined;
  /** `--kind FILE=KIND`: the kind of a file, by its name, instead of the one its columns suggest. */
  kinds?: Record<string, Kind>;
  /** The finance systems' forms where the files cannot say (--number-format, --period-code, …). */
  forms?: FormChoices | undefined;
  /** `--sheet FILE=NAME`: the sheets of a workbook to read, by file name. */
  sheets?: Record<string, string[]>;
  /** The DfE's files (src/national) and the council's LA code: the national context (--la, --compare). */
  national?: NationalOptions | undefined;
}

export interface NationalOptions {
  /** The DfE files read (src/national), kept apart from the council's own files. */
  imports: NationalImport[];
  la?: string | undefined;
  compare?: string[] | undefined;
  /** --allocation-income: years whose DSG income is the allocation after recoupment (no funding file covers them). */
  allocationYears?: number[] | undefined;
}

/** What was read from one file, as stderr says it and the JSON's `files` array holds it. */
export interface FileSummary {
  file: string;
  kind: Kind | null;
  kindChosen: boolean;
  headerRow: number | null;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsRejected: number;
  /** Rows the cost centre map excludes (balance sheet, recharges, grant income): counted, not added in. */
  rowsExcluded: number;
  warnings: number;
  errors: number;
}

export function fileSummary(r: ImportResult, kindChosen: boolean): FileSummary {
  return {
    file: r.file,
    kind: r.kind ?? null,
    kindChosen,
    headerRow: r.headerRow ?? null,
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    rowsSkipped: r.rowsRead - r.rowsImported - r.rowsRejected - (r.costCentres?.excludedRows ?? 0),
    rowsRejected: r.rowsRejected,
    rowsExcluded: r.costCentres?.excludedRows ?? 0,
    warnings: r.warnings.length,
    errors: r.errorCount,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** One line per file on stderr: what it was read as, from which header row, and what became of its rows. */
export function summaryLine(f: FileSummary): string {
  if (f.kind === null) return `${f.file}: not read (${count(f.errors, 'error')})`;
  const as = `${f.file}: read as ${KIND_LABELS[f.kind]}${f.kindChosen ? ' (as --kind says)' : ''}`;
  const header = f.headerRow !== null ? `, header in row ${f.headerRow}` : '';
  const rows = `${count(f.rowsRead, 'row')} below it: ${formatCount(f.rowsImported)} read in, ${formatCount(f.rowsSkipped)} skipped, ${formatCount(f.rowsRejected)} rejected${f.rowsExcluded > 0 ? `, ${formatCount(f.rowsExcluded)} excluded by the cost centre map` : ''}`;
  const notes = [f.warnings > 0 ? count(f.warnings, 'warning') : '', f.errors > 0 ? count(f.errors, 'error') : ''].filter(Boolean).join(', ');
  return `${as}${header}; ${rows}${notes ? ` (${notes})` : ''}.`;
}

export async function runReport(inputs: { name: string; bytes: Uint8Array }[], options: RunOptions): Promise<RunOutput> {
  const problems: string[] = [];
  for (const [file, names] of Object.entries(options.sheets ?? {})) {
    if (!inputs.some((i) => i.name === file)) problems.push(`Error: --sheet ${file}=${names[0]}: no file named ${file} is read.`);
  }
  let tolerance = DEFAULT_SETTINGS.tolerance;
  if (options.tolerance !== undefined) {
    const t = parseTolerance(options.tolerance);
    if (t.ok) tolerance = t.value;
    else problems.push(`Error: --tolerance: ${t.reason}. Accepted: ${TOLERANCE_ACCEPTED}.`);
  }
  const chosen = (name: string) => options.kinds?.[name];
  const sheetWarnings: string[] = [];
  /** One input's results: a CSV's one, or a workbook's for each sheet read. */
  const read = async (i: { name: string; bytes: Uint8Array }, extra: ImportOptions = {}): Promise<ImportResult[]> => {
    const kind = chosen(i.name);
    const opts: ImportOptions = { ...(options.forms ? { forms: options.forms } : {}), ...extra };
    if (sniffSpreadsheet(i.bytes)) return workbookResults(i, options.sheets?.[i.name], kind, extra.costCentreMap ? [] : sheetWarnings, opts);
    return [importBytes(i.bytes, i.name, { ...(kind ? { kind } : {}), ...opts })];
  };
  const perInput: ImportResult[][] = [];
  for (const i of inputs) perInput.push(await read(i));
  // A cost centre map is one more input, and a budget with cost centres is a map too: files whose
  // rows give a cost centre or account but no block or line are read again with the map they make.
  if (perInput.some((rs) => rs.some((r) => r.costCentres))) {
    const all = perInput.flat();
    const map = mergeEntries({
      file: all.flatMap((r) => r.costCentreMap ?? []),
      budget: entriesFromBudget(all.flatMap((r) => r.data.budgets)).entries,
    }).entries;
    for (const [at, rs] of perInput.entries()) if (rs.some((r) => r.costCentres)) perInput[at] = await read(inputs[at]!, { costCentreMap: map });
  }
  const results = perInput.flat();
  // A sheet's figures are named by file and sheet.
  const place = (r: ImportResult) => (r.sheet !== undefined ? sheetPlace(r.file, r.sheet) : r.file);
  const files = results.map((r) => ({ ...fileSummary(r, chosen(r.file) !== undefined), file: place(r) }));
  const summary = files.map(summaryLine).join('\n') + '\n';
  for (const r of results) {
    for (const e of r.errors) problems.push(formatProblem(e));
    if (r.errorCount > r.errors.length) problems.push(`Error: ${place(r)}: ${r.errorCount - r.errors.length} more errors are not listed.`);
  }
  if (problems.length > 0) {
    const closing = `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was reported. Fix the files and run the report again.\n`;
    return { stdout: '', stderr: summary + problems.join('\n') + '\n' + closing, exitCode: 2 };
  }
  const names = results.map(place).join(', ');
  let merged;
  try {
    merged = mergeDatasets(results.map((r) => ({ file: place(r), additive: r.kind === 'ledger', data: r.data })));
  } catch (e) {
    return tooLarge(names, e instanceof Error ? e.message : String(e), summary);
  }
  // Each file is within the limit (the import checks it, naming the row), but together they may not be.
  const range = exactRangeProblem(merged.data);
  if (range) return tooLarge(names, range, summary);
  const importWarnings = [...sheetWarnings, ...results.flatMap((r) => [
    // The EHCP reconciliation is stated once, by the report on the merged data.
    ...r.warnings.filter((w) => !w.message.startsWith('reconciliation: ')).map((w) => formatProblem(w).replace(/^Warning: /, '')),
    ...r.skipped.map((s) => `${place(r)}, row ${s.row}: skipped: ${s.reason}`),
  ])];
  // The allocation as income only for the years asked for; a year it cannot be used for is bad input, never a silent leave-out.
  const n = options.national;
  let data = merged.data;
  const incomeWarnings: string[] = [];
  if (n?.allocationYears?.length) {
    const inc = allocationIncome(mergeNational(n.imports), n.la, n.allocationYears, data.funding);
    if (inc.notUsed.length > 0) {
      const lines = inc.notUsed.map((x) => `Error: --allocation-income ${fyLabel(x.fy)}: the allocation cannot be used, as ${x.reason}.`);
      return { stdout: '', stderr: `${summary}${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'} found; nothing was reported.\n`, exitCode: 2 };
    }
    data = { ...data, funding: inc.funding };
    for (const u of inc.used) incomeWarnings.push(`${allocationUseWords(u, (p) => formatPounds(p))}, as --allocation-income asks`);
  }
  let report;
  try {
    report = buildReport(data, { tolerance }, [...incomeWarnings, ...importWarnings, ...merged.warnings]);
  } catch (e) {
    if (e instanceof MoneyOverflowError) return tooLarge(names, e.message, summary);
    throw e;
  }
  const national = n?.la ? buildNational(n.imports, n.la, n.compare, data, n.allocationYears) : undefined;
  const stdout = options.json
    ? JSON.stringify({ files, ...reportJson(report), ...(national ? { national: nationalReportJson(national) } : {}) }, null, 2) + '\n'
    : reportText(report) + (national ? nationalText(national) : '');
  return { stdout, stderr: summary, exitCode: 0 };
}

/** Files whose figures together leave the exact range: refused, naming them, as bad input (exit 2). */
function tooLarge(files: string, why: string, summary = ''): RunOutput {
  return {
    stdout: '',
    stderr: `${summary}Error: ${files}: together, ${why}. Accepted: ${TOTAL_LIMIT_WORDS}.\n\n1 problem found; nothing was reported. Fix the files and run the report again.\n`,
    exitCode: 2,
  };
}
