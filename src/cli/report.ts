/**
 * Command-line report: npm run --silent report -- [--json] [--tolerance 0.02] [--sheet FILE=NAME] PATH...
 *
 * Reads CSV files and .xlsx/.ods workbooks (or every *.csv, *.xlsx and *.ods in a folder),
 * imports them with the same core as the browser, and prints the figures. Invalid input: every
 * problem to stderr, nothing to stdout, exit 2.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runReport } from './run';

function listFiles(paths: string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      problems.push(`Error: ${p}: no such file or folder.`);
      continue;
    }
    if (stat.isDirectory()) {
      const csvs = readdirSync(p).filter((f) => /\.(csv|xlsx|ods)$/i.test(f) && !f.startsWith('~$')).sort();
      if (csvs.length === 0) problems.push(`Error: ${p}: the folder holds no .csv, .xlsx or .ods files.`);
      files.push(...csvs.map((f) => join(p, f)));
    } else files.push(p);
  }
  return { files, problems };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { files, problems } = listFiles(parsed.paths);
  const inputs = files.map((f) => {
    try {
      return { name: basename(f), bytes: new Uint8Array(readFileSync(f)) };
    } catch (e) {
      problems.push(`Error: ${f}: the file could not be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      return undefined;
    }
  });
  if (problems.length > 0) {
    process.stderr.write(problems.join('\n') + '\n');
    return 2;
  }
  const result = await runReport(inputs.filter((i) => i !== undefined), { json: parsed.json, tolerance: parsed.tolerance, sheets: parsed.sheets });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  return result.exitCode;
}

const USAGE = [
  'Usage: npm run --silent report -- [--json] [--tolerance 0.02] [--sheet FILE=NAME] PATH...',
  '  PATH: a CSV file, an .xlsx or .ods workbook, or a folder of them',
  '  --sheet FILE=NAME: read sheet NAME of workbook FILE (its file name), and only the sheets so named;',
  '    may be given more than once. Without it every visible sheet of a known kind is read.',
  '',
].join('\n');

export function parseArgs(argv: string[]): { json: boolean; tolerance?: string; sheets: Record<string, string[]>; paths: string[] } | { error: string } {
  let json = false;
  let tolerance: string | undefined;
  const sheets: Record<string, string[]> = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--tolerance' || a.startsWith('--tolerance=')) {
      tolerance = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (tolerance === undefined) return { error: 'Error: --tolerance needs a value, such as 0.02 (2%).' };
    } else if (a === '--sheet' || a.startsWith('--sheet=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const at = value?.indexOf('=') ?? -1;
      if (value === undefined || at <= 0 || at === value.length - 1) return { error: 'Error: --sheet needs a workbook and a sheet, such as --sheet budget.xlsx="Budget 2023-24".' };
      (sheets[basename(value.slice(0, at))] ??= []).push(value.slice(at + 1));
    } else if (a === '--help' || a === '-h') return { error: '' };
    else if (a.startsWith('--')) return { error: `Error: unknown option ${a}.` };
    else paths.push(a);
  }
  if (paths.length === 0) return { error: 'Error: name at least one CSV file, workbook (.xlsx, .ods) or folder.' };
  return { json, ...(tolerance !== undefined ? { tolerance } : {}), sheets, paths };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Bad data never gets here (the core reports it); this is a bug, said plainly without a stack.
    process.stderr.write(`Error: the report failed unexpectedly: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
