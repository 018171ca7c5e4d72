/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../domain/calculate';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportResult } from '../import/importFile';
import { formatProblem } from '../import/problems';
import { readWorkbook, sniffSpreadsheet, type Sheet } from '../import/sources/spreadsheet';
import { describeSheets, importSheets, importWorkbook, sheetPlace } from '../import/workbook';

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
async function workbookResults(input: { name: string; bytes: Uint8Array }, named: string[] | undefined, warnings: string[]): Promise<ImportResult[]> {
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(input.bytes);
  } catch {
    return [await importWorkbook(input.bytes, input.name)];
  }
  if (named) return named.map((sheet) => importSheets(sheets, input.name, { sheet }));
  const infos = describeSheets(sheets);
  for (const s of infos) {
    if (!s.hidden && !s.empty && !s.kind) warnings.push(`${input.name}: sheet "${s.name}" was not read: no row within its first 20 has the columns of a known kind`);
    if (s.hidden && s.kind) warnings.push(`${input.name}: sheet "${s.name}" (${s.kindLabel}) is hidden and was not read: name it with --sheet ${input.name}=NAME to read it`);
  }
  const taken = infos.filter((s) => !s.hidden && s.kind);
  // None of a known kind: the first sheet's import says why.
  if (taken.length === 0) return [importSheets(sheets, input.name)];
  return taken.map((s) => importSheets(sheets, input.name, { sheet: s.name }));
}

export async function runReport(
  inputs: { name: string; bytes: Uint8Array }[],
  options: { json: boolean; tolerance?: string | undefined; sheets?: Record<string, string[]> },
): Promise<RunOutput> {
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
  const sheetWarnings: string[] = [];
  const results: ImportResult[] = [];
  for (const i of inputs) {
    if (sniffSpreadsheet(i.bytes)) results.push(...(await workbookResults(i, options.sheets?.[i.name], sheetWarnings)));
    else results.push(importBytes(i.bytes, i.name));
  }
  // A sheet's figures are named by file and sheet.
  const place = (r: ImportResult) => (r.sheet !== undefined ? sheetPlace(r.file, r.sheet) : r.file);
  for (const r of results) {
    for (const e of r.errors) problems.push(formatProblem(e));
    if (r.errorCount > r.errors.length) problems.push(`Error: ${place(r)}: ${r.errorCount - r.errors.length} more errors are not listed.`);
  }
  if (problems.length > 0) {
    const summary = `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was reported. Fix the files and run the report again.\n`;
    return { stdout: '', stderr: problems.join('\n') + '\n' + summary, exitCode: 2 };
  }
  const merged = mergeDatasets(results.map((r) => ({ file: place(r), additive: r.kind === 'ledger', data: r.data })));
  const importWarnings = [...sheetWarnings, ...results.flatMap((r) => [
    ...r.warnings.map((w) => formatProblem(w).replace(/^Warning: /, '')),
    ...r.skipped.map((s) => `${place(r)}, row ${s.row}: skipped: ${s.reason}`),
  ])];
  const report = buildReport(merged.data, { tolerance }, [...importWarnings, ...merged.warnings]);
  const stdout = options.json ? JSON.stringify(reportJson(report), null, 2) + '\n' : reportText(report);
  return { stdout, stderr: '', exitCode: 0 };
}
