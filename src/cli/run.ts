/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../domain/calculate';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportResult } from '../import/importFile';
import { KIND_LABELS, type Kind } from '../import/kinds';
import { formatProblem } from '../import/problems';

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
    rowsSkipped: r.rowsRead - r.rowsImported - r.rowsRejected,
    rowsRejected: r.rowsRejected,
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
  const rows = `${count(f.rowsRead, 'row')} below it: ${f.rowsImported.toLocaleString('en-GB')} read in, ${f.rowsSkipped.toLocaleString('en-GB')} skipped, ${f.rowsRejected.toLocaleString('en-GB')} rejected`;
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
  const results: ImportResult[] = inputs.map((i) => {
    const kind = chosen(i.name);
    return importBytes(i.bytes, i.name, kind ? { kind } : {});
  });
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
