/**
 * Command-line report: npm run --silent report -- [--json] [--tolerance 0.02] [--sheet FILE=NAME] PATH...
 *
 * Reads CSV files and .xlsx/.ods workbooks (or every *.csv, *.xlsx and *.ods in a folder),
 * imports them with the same core as the browser, and prints the figures. Invalid input: every
 * problem to stderr, nothing to stdout, exit 2.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { KINDS, type Kind } from '../model/kinds';
import type { FormChoices } from '../import/forms';
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
      const csvs = readdirSync(p).filter((f) => /\.(csv|xlsx|ods)$/i.test(f) && !f.startsWith('~$')).sort();
      if (csvs.length === 0) problems.push(`Error: ${p}: the folder holds no .csv, .xlsx or .ods files.`);
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

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
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
  const names = new Set(inputs.filter((i) => i !== undefined).map((i) => i.name));
  const kinds: Record<string, Kind> = {};
  for (const [file, kind] of Object.entries(parsed.kinds)) {
    const name = basename(file);
    if (!names.has(name)) problems.push(`Error: --kind ${file}=${kind}: no file of that name is among the paths given.`);
    else kinds[name] = kind;
  }
  if (problems.length > 0) {
    process.stderr.write(problems.join('\n') + '\n');
    return 2;
  }
  const result = await runReport(inputs.filter((i) => i !== undefined), { json: parsed.json, tolerance: parsed.tolerance, kinds, forms: parsed.forms, sheets: parsed.sheets });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  return result.exitCode;
}

const USAGE = [
  'Usage: npm run --silent report -- [--json] [--tolerance 0.02] [--kind FILE=KIND]... [--sheet FILE=NAME]... PATH...',
  '  PATH: a CSV file, an .xlsx or .ods workbook, or a folder of them',
  '  --json               every figure as one JSON object (with a "files" array: what each file was read as)',
  '  --tolerance T        the amber band, as a fraction (0.02) or a percentage (2%) of the profile; default 2%',
  `  --kind FILE=KIND     read FILE (its name) as KIND, whatever its columns suggest; KIND is one of ${KINDS.join(', ')}`,
  '  --sheet FILE=NAME    read sheet NAME of workbook FILE (its name), and only the sheets so named (hidden ones',
  '                       too); may be given more than once. Without it every visible sheet of a known kind is read.',
  'Form options, for exports whose own cells cannot say (each is otherwise read from the file):',
  '  --number-format uk|european        1,234.56 or 1.234,56 (so 22.590 is £22.59 or £22,590)',
  '  --period-code calendar|fiscal      202304 is April 2023, or period 4 of the financial year 2023',
  '  --single-year start|end            a year such as 2023 or FY2023 is 2023-24 (start) or 2022-23 (end)',
  '  --units pounds|thousands|millions  the amounts are in £, £000 or £m',
  'Each file\'s kind, header row and rows read, skipped and rejected are said on stderr.',
  '',
].join('\n');

const FORM_OPTIONS: Record<string, { key: keyof FormChoices; values: readonly string[] }> = {
  '--number-format': { key: 'numberFormat', values: ['uk', 'european'] },
  '--period-code': { key: 'periodCode', values: ['calendar', 'fiscal'] },
  '--single-year': { key: 'singleYear', values: ['start', 'end'] },
  '--units': { key: 'units', values: ['pounds', 'thousands', 'millions'] },
};

/** A kind as typed: its name in any case, with or without hyphens or spaces ("actuals-wide"). */
export function parseKind(raw: string): Kind | undefined {
  const k = raw.toLowerCase().replace(/[\s_-]+/g, '');
  return KINDS.find((kind) => kind.toLowerCase() === k);
}

export function parseArgs(argv: string[]): { json: boolean; tolerance?: string; kinds: Record<string, Kind>; sheets: Record<string, string[]>; forms?: FormChoices; paths: string[] } | { error: string } | { help: true } {
  let json = false;
  const forms: Record<string, string> = {};
  let tolerance: string | undefined;
  const kinds: Record<string, Kind> = {};
  const sheets: Record<string, string[]> = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--kind' || a.startsWith('--kind=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const eq = v?.lastIndexOf('=') ?? -1;
      if (v === undefined || eq <= 0) return { error: 'Error: --kind needs FILE=KIND, such as --kind gl.csv=ledger.' };
      const kind = parseKind(v.slice(eq + 1));
      if (!kind) return { error: `Error: --kind ${v}: "${v.slice(eq + 1)}" is not a kind of file. Accepted: ${KINDS.join(', ')}.` };
      kinds[v.slice(0, eq)] = kind;
    }
    else if (a === '--tolerance' || a.startsWith('--tolerance=')) {
      tolerance = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (tolerance === undefined) return { error: 'Error: --tolerance needs a value, such as 0.02 (2%).' };
    } else if (FORM_OPTIONS[a.split('=')[0]!]) {
      const name = a.split('=')[0]!;
      const { key, values } = FORM_OPTIONS[name]!;
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !values.includes(value)) return { error: `Error: ${name} needs one of ${values.join(', ')}.` };
      forms[key] = value;
    } else if (a === '--sheet' || a.startsWith('--sheet=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const at = value?.indexOf('=') ?? -1;
      if (value === undefined || at <= 0 || at === value.length - 1) return { error: 'Error: --sheet needs a workbook and a sheet, such as --sheet budget.xlsx="Budget 2023-24".' };
      (sheets[basename(value.slice(0, at))] ??= []).push(value.slice(at + 1));
    } else if (a === '--help' || a === '-h') return { help: true };
    else if (a.startsWith('--')) return { error: `Error: unknown option ${a}.` };
    else paths.push(a);
  }
  if (paths.length === 0) return { error: 'Error: name at least one CSV file, workbook (.xlsx, .ods) or folder.' };
  return { json, ...(tolerance !== undefined ? { tolerance } : {}), ...(Object.keys(forms).length > 0 ? { forms: forms as FormChoices } : {}), kinds, sheets, paths };
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
