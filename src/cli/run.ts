/** The CLI's work without the file system or process, so tests can call it directly. */
import { DEFAULT_SETTINGS } from '../domain/calculate';
import { mergeDatasets } from '../domain/merge';
import { buildReport, reportJson, reportText } from '../domain/report';
import { TOLERANCE_ACCEPTED, parseTolerance } from '../domain/settings';
import { importBytes, type ImportResult } from '../import/importFile';
import { formatProblem } from '../import/problems';
import { TOTAL_LIMIT_WORDS, exactRangeProblem } from '../domain/exactRange';
import { MoneyOverflowError } from '../domain/money';

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function runReport(inputs: { name: string; bytes: Uint8Array }[], options: { json: boolean; tolerance?: string | undefined }): RunOutput {
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
  const files = results.map((r) => r.file).join(', ');
  let merged;
  try {
    merged = mergeDatasets(results.map((r) => ({ file: r.file, additive: r.kind === 'ledger', data: r.data })));
  } catch (e) {
    return tooLarge(files, e instanceof Error ? e.message : String(e));
  }
  // Each file is within the limit (the import checks it, naming the row), but together they may not be.
  const range = exactRangeProblem(merged.data);
  if (range) return tooLarge(files, range);
  const importWarnings = results.flatMap((r) => [
    ...r.warnings.map((w) => formatProblem(w).replace(/^Warning: /, '')),
    ...r.skipped.map((s) => `${r.file}, row ${s.row}: skipped: ${s.reason}`),
  ]);
  let report;
  try {
    report = buildReport(merged.data, { tolerance }, [...importWarnings, ...merged.warnings]);
  } catch (e) {
    if (e instanceof MoneyOverflowError) return tooLarge(files, e.message);
    throw e;
  }
  const stdout = options.json ? JSON.stringify(reportJson(report), null, 2) + '\n' : reportText(report);
  return { stdout, stderr: '', exitCode: 0 };
}

/** Files whose figures together leave the exact range: refused, naming them, as bad input (exit 2). */
function tooLarge(files: string, why: string): RunOutput {
  return {
    stdout: '',
    stderr: `Error: ${files}: together, ${why}. Accepted: ${TOTAL_LIMIT_WORDS}.\n\n1 problem found; nothing was reported. Fix the files and run the report again.\n`,
    exitCode: 2,
  };
}
