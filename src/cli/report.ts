/**
 * Command-line report: npm run --silent report -- [--json] [--tolerance 0.02] [--la 880 [--compare 879,878]] PATH...
 *
 * The DfE's own files (a release .zip, its CSVs, the allocations .ods or .xlsx) may be given
 * beside the council's: they are read by src/national and, with --la, reported as `national`.
 *
 * Reads CSV files (or every *.csv in a folder), imports them with the same core as the browser,
 * and prints the figures. Invalid input: every problem to stderr, nothing to stdout, exit 2.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runReport } from './run';
import { parseComparators, parseLaCode } from '../national/context';
import { claimsFile, isNationalFile, readNationalFile } from '../national/read';
import type { NationalImport } from '../national/types';

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
  const read = inputs.filter((i) => i !== undefined);
  // DfE files are told apart before the council kinds, and kept apart from them.
  const national: NationalImport[] = [];
  const council = [];
  for (const i of read) {
    const imp = isNationalFile(i.name, i.bytes) ? await readNationalFile(i.bytes, i.name) : undefined;
    if (imp && claimsFile(i.name, i.bytes, imp)) national.push(imp);
    else council.push(i);
  }
  for (const imp of national) if (imp.tables.length === 0) problems.push(`Error: ${imp.ignored.map((x) => `${x.file}: ${x.reason}`).join('; ') || 'a DfE file with no table this report reads'}.`);
  if (problems.length > 0) {
    process.stderr.write(problems.join('\n') + '\n');
    return 2;
  }
  const result = runReport(council, { json: parsed.json, tolerance: parsed.tolerance, national: { imports: national, la: parsed.la, compare: parsed.compare } });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  return result.exitCode;
}

const USAGE =
  'Usage: npm run --silent report -- [--json] [--tolerance 0.02] [--la 880] [--compare 879,878] PATH...\n  PATH: a CSV file, or a folder of them; or a DfE file (release .zip, its CSVs, the DSG allocations .ods or .xlsx)\n  --la: the council\'s DfE LA code, to report the national context; --compare: LA codes to compare with\n';

export function parseArgs(argv: string[]): { json: boolean; tolerance?: string; la?: string; compare?: string[]; paths: string[] } | { error: string } {
  let json = false;
  let tolerance: string | undefined;
  let la: string | undefined;
  let compare: string[] | undefined;
  const paths: string[] = [];
  const valueOf = (a: string, i: number): [string | undefined, number] => (a.includes('=') ? [a.slice(a.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--tolerance' || a.startsWith('--tolerance=')) {
      [tolerance, i] = valueOf(a, i);
      if (tolerance === undefined) return { error: 'Error: --tolerance needs a value, such as 0.02 (2%).' };
    } else if (a === '--la' || a.startsWith('--la=')) {
      let v: string | undefined;
      [v, i] = valueOf(a, i);
      const c = parseLaCode(v ?? '');
      if (!c.ok) return { error: `Error: --la: ${c.reason}.` };
      la = c.value;
    } else if (a === '--compare' || a.startsWith('--compare=')) {
      let v: string | undefined;
      [v, i] = valueOf(a, i);
      const c = parseComparators(v ?? '');
      if (!c.ok || c.value.length === 0) return { error: `Error: --compare: ${c.ok ? 'name at least one LA code' : c.reason}, separated by commas (879,878).` };
      compare = c.value;
    } else if (a === '--help' || a === '-h') return { error: '' };
    else if (a.startsWith('--')) return { error: `Error: unknown option ${a}.` };
    else paths.push(a);
  }
  if (paths.length === 0) return { error: 'Error: name at least one CSV file or folder.' };
  if (compare && !la) return { error: 'Error: --compare needs --la (the council to compare).' };
  return { json, ...(tolerance !== undefined ? { tolerance } : {}), ...(la ? { la } : {}), ...(compare ? { compare } : {}), paths };
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
