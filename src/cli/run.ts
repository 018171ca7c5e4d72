/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../domain/calculate';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportResult } from '../import/importFile';
import { formatProblem } from '../import/problems';
import { buildNational, nationalReportJson, nationalText } from '../national/context';
import type { NationalImport } from '../national/types';

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface NationalOptions {
  /** The DfE files read (src/national), kept apart from the council's own files. */
  imports: NationalImport[];
  la?: string | undefined;
  compare?: string[] | undefined;
}

export function runReport(
  inputs: { name: string; bytes: Uint8Array }[],
  options: { json: boolean; tolerance?: string | undefined; national?: NationalOptions | undefined },
): RunOutput {
  const problems: string[] = [];
  let tolerance = DEFAULT_SETTINGS.tolerance;
  if (options.tolerance !== undefined) {
    const t = parseTolerance(options.tolerance);
    if (t.ok) tolerance = t.value;
    else problems.push(`Error: --tolerance: ${t.reason}. Accepted: ${TOLERANCE_ACCEPTED}.`);
  }
  const results: ImportResult[] = inputs.map((i) => importBytes(i.bytes, i.name));
  for (const r of results) {
    for (const e of r.errors) problems.push(formatProblem(e));
    if (r.errorCount > r.errors.length) problems.push(`Error: ${r.file}: ${r.errorCount - r.errors.length} more errors are not listed.`);
  }
  if (problems.length > 0) {
    const summary = `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was reported. Fix the files and run the report again.\n`;
    return { stdout: '', stderr: problems.join('\n') + '\n' + summary, exitCode: 2 };
  }
  const merged = mergeDatasets(results.map((r) => ({ file: r.file, additive: r.kind === 'ledger', data: r.data })));
  const importWarnings = results.flatMap((r) => [
    ...r.warnings.map((w) => formatProblem(w).replace(/^Warning: /, '')),
    ...r.skipped.map((s) => `${r.file}, row ${s.row}: skipped: ${s.reason}`),
  ]);
  const report = buildReport(merged.data, { tolerance }, [...importWarnings, ...merged.warnings]);
  const n = options.national;
  const national = n?.la ? buildNational(n.imports, n.la, n.compare, merged.data) : undefined;
  const stdout = options.json
    ? JSON.stringify({ ...reportJson(report), ...(national ? { national: nationalReportJson(national) } : {}) }, null, 2) + '\n'
    : reportText(report) + (national ? nationalText(national) : '');
  return { stdout, stderr: '', exitCode: 0 };
}
