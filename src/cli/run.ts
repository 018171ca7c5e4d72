/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../domain/calculate';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportOptions, type ImportResult } from '../import/importFile';
import { KIND_LABELS, type Kind } from '../import/kinds';
import type { FormChoices } from '../import/forms';
import { formatProblem } from '../import/problems';
import { entriesFromBudget, mergeEntries } from '../import/costCentreMap';

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  json: boolean;
  tolerance?: string | undefined;
  /** `--kind FILE=KIND`: the kind of a file, by its name, instead of the one its columns suggest. */
  kinds?: Record<string, Kind>;
  /** The finance systems' forms where the files cannot say (--number-format, --period-code, …). */
  forms?: FormChoices | undefined;
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

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** One line per file on stderr: what it was read as, from which header row, and what became of its rows. */
export function summaryLine(f: FileSummary): string {
  if (f.kind === null) return `${f.file}: not read (${count(f.errors, 'error')})`;
  const as = `${f.file}: read as ${KIND_LABELS[f.kind]}${f.kindChosen ? ' (as --kind says)' : ''}`;
  const header = f.headerRow !== null ? `, header in row ${f.headerRow}` : '';
  const rows = `${count(f.rowsRead, 'row')} below it: ${f.rowsImported.toLocaleString('en-GB')} read in, ${f.rowsSkipped.toLocaleString('en-GB')} skipped, ${f.rowsRejected.toLocaleString('en-GB')} rejected${f.rowsExcluded > 0 ? `, ${f.rowsExcluded.toLocaleString('en-GB')} excluded by the cost centre map` : ''}`;
  const notes = [f.warnings > 0 ? count(f.warnings, 'warning') : '', f.errors > 0 ? count(f.errors, 'error') : ''].filter(Boolean).join(', ');
  return `${as}${header}; ${rows}${notes ? ` (${notes})` : ''}.`;
}

export function runReport(inputs: { name: string; bytes: Uint8Array }[], options: RunOptions): RunOutput {
  const problems: string[] = [];
  let tolerance = DEFAULT_SETTINGS.tolerance;
  if (options.tolerance !== undefined) {
    const t = parseTolerance(options.tolerance);
    if (t.ok) tolerance = t.value;
    else problems.push(`Error: --tolerance: ${t.reason}. Accepted: ${TOLERANCE_ACCEPTED}.`);
  }
  const chosen = (name: string) => options.kinds?.[name];
  const read = (i: { name: string; bytes: Uint8Array }, extra: ImportOptions = {}) => {
    const kind = chosen(i.name);
    return importBytes(i.bytes, i.name, { ...(kind ? { kind } : {}), ...(options.forms ? { forms: options.forms } : {}), ...extra });
  };
  let results: ImportResult[] = inputs.map((i) => read(i));
  // A cost centre map is one more input, and a budget with cost centres is a map too: files whose
  // rows give a cost centre or account but no block or line are read again with the map they make.
  if (results.some((r) => r.costCentres)) {
    const map = mergeEntries({
      file: results.flatMap((r) => r.costCentreMap ?? []),
      budget: entriesFromBudget(results.flatMap((r) => r.data.budgets)).entries,
    }).entries;
    results = results.map((r, i) => (r.costCentres ? read(inputs[i]!, { costCentreMap: map }) : r));
  }
  const files = results.map((r) => fileSummary(r, chosen(r.file) !== undefined));
  const summary = files.map(summaryLine).join('\n') + '\n';
  for (const r of results) {
    for (const e of r.errors) problems.push(formatProblem(e));
    if (r.errorCount > r.errors.length) problems.push(`Error: ${r.file}: ${r.errorCount - r.errors.length} more errors are not listed.`);
  }
  if (problems.length > 0) {
    const closing = `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was reported. Fix the files and run the report again.\n`;
    return { stdout: '', stderr: summary + problems.join('\n') + '\n' + closing, exitCode: 2 };
  }
  const merged = mergeDatasets(results.map((r) => ({ file: r.file, additive: r.kind === 'ledger', data: r.data })));
  const importWarnings = results.flatMap((r) => [
    ...r.warnings.map((w) => formatProblem(w).replace(/^Warning: /, '')),
    ...r.skipped.map((s) => `${r.file}, row ${s.row}: skipped: ${s.reason}`),
  ]);
  const report = buildReport(merged.data, { tolerance }, [...importWarnings, ...merged.warnings]);
  const stdout = options.json ? JSON.stringify({ files, ...reportJson(report) }, null, 2) + '\n' : reportText(report);
  return { stdout, stderr: summary, exitCode: 0 };
}
