/**
 * Command-line report: npm run --silent report -- [--json] [--tolerance 0.02] PATH...
 *
 * Reads CSV files (or every *.csv in a folder), imports them with the same core as the browser,
 * and prints the figures. Invalid input: every problem to stderr, nothing to stdout, exit 2.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../import/importFile';
import { runReport } from './run';

/** What a path is, when it is not a regular file: the report reads only files (and folders of them). */
function notAFile(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most `max` bytes. Checked before reading (a device such as /dev/zero
 * never ends, and opening a pipe waits for a writer), opened without blocking, checked again on the
 * open file, and read no further than the cap, whatever its size claimed.
 */
export function readCapped(path: string, max = DEFAULT_MAX_BYTES): { bytes: Uint8Array } | { error: string } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const what = notAFile(fstatSync(fd));
    if (what) return { error: `${what}: name a CSV file or a folder of them` };
    const pieces: Buffer[] = [];
    let total = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      pieces.push(piece.subarray(0, n));
      total += n;
      if (total > max) return { error: `the file is over the limit of ${max.toLocaleString('en-GB')} bytes: split it (a ledger by period)` };
    }
    return { bytes: new Uint8Array(Buffer.concat(pieces, total)) };
  } finally {
    closeSync(fd);
  }
}

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
      continue;
    }
    const what = notAFile(stat);
    if (what) problems.push(`Error: ${p}: ${what}, not a file: name a CSV file or a folder of them.`);
    else if (stat.size > DEFAULT_MAX_BYTES) problems.push(`Error: ${p}: the file is ${stat.size.toLocaleString('en-GB')} bytes, over the limit of ${DEFAULT_MAX_BYTES.toLocaleString('en-GB')}: split it (a ledger by period).`);
    else files.push(p);
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
      // Files found in a folder are checked here too (a pipe named x.csv is not a file).
      const what = notAFile(statSync(f));
      if (what) {
        problems.push(`Error: ${f}: ${what}, not a file: name a CSV file or a folder of them.`);
        return undefined;
      }
      const read = readCapped(f);
      if ('error' in read) {
        problems.push(`Error: ${f}: ${read.error}.`);
        return undefined;
      }
      return { name: basename(f), bytes: read.bytes };
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

const USAGE = 'Usage: npm run --silent report -- [--json] [--tolerance 0.02] PATH...\n  PATH: a CSV file, or a folder of them\n';

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
