/**
 * Command-line report: npm run --silent report -- [--json] [--tolerance 0.02] PATH...
 *
 * Reads CSV files (or every *.csv in a folder), imports them with the same core as the browser,
 * and prints the figures. Invalid input: every problem to stderr, nothing to stdout, exit 2.
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
      const csvs = readdirSync(p).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
      if (csvs.length === 0) problems.push(`Error: ${p}: the folder holds no .csv files.`);
      files.push(...csvs.map((f) => join(p, f)));
    } else files.push(p);
  }
  return { files, problems };
}

function main(argv: string[]): number {
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
  const result = runReport(inputs.filter((i) => i !== undefined), { json: parsed.json, tolerance: parsed.tolerance });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  return result.exitCode;
}

const USAGE = 'Usage: npm run --silent report -- [--json] [--tolerance 0.02] PATH...\n  PATH: a CSV file, or a folder of them; a cost centre map CSV is one more PATH (a budget with cost centres serves as a map too)\n';

export function parseArgs(argv: string[]): { json: boolean; tolerance?: string; paths: string[] } | { error: string } {
  let json = false;
  let tolerance: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--tolerance' || a.startsWith('--tolerance=')) {
      tolerance = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (tolerance === undefined) return { error: 'Error: --tolerance needs a value, such as 0.02 (2%).' };
    } else if (a === '--help' || a === '-h') return { error: '' };
    else if (a.startsWith('--')) return { error: `Error: unknown option ${a}.` };
    else paths.push(a);
  }
  if (paths.length === 0) return { error: 'Error: name at least one CSV file or folder.' };
  return { json, ...(tolerance !== undefined ? { tolerance } : {}), paths };
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Bad data never gets here (the core reports it); this is a bug, said plainly without a stack.
  process.stderr.write(`Error: the report failed unexpectedly: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
