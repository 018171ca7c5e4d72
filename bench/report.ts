/**
 * `npm run bench`, the whole report for a big county (issue 12): three years of 16,000 budget
 * lines, with monthly actuals, funding and the agreement (bench/council.ts, written to the temp
 * folder), through the command-line report's own path (import, merge, calculations, JSON) against
 * bare `Papa.parse` of the same files (decoded and parsed whole into arrays, default options).
 * Each measurement runs in a fresh Node process (both start equally cold), rounds interleaved; the
 * median of the rounds is printed with the ratio against the target (report ≤ 4 × Papa), at 16,000
 * and at 4,000 lines. CPU time is printed too: on a busy machine it moves less than wall time.
 *
 *   npx tsx bench/report.ts                       # 16,000 and 4,000 lines, 3 rounds
 *   npx tsx bench/report.ts --lines 16000 --rounds 5
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runReport } from '../src/cli/run';
import { writeCouncil } from './council';

type Mode = 'report' | 'papa';
const TARGET = 4;
/** The big county the target is for: 16,000 budget lines a year. */
const TARGET_LINES = 16_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One measurement in this (child) process: wall and CPU milliseconds. */
async function child(dir: string, mode: Mode): Promise<{ ms: number; cpu: number; check: string }> {
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let out: Awaited<ReturnType<typeof runReport>> | undefined;
  let rows = 0;
  if (mode === 'report') out = await runReport(inputs, { json: true });
  else for (const i of inputs) rows += Papa.parse<string[]>(new TextDecoder().decode(i.bytes), {}).data.length;
  const ms = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  if (out && out.exitCode !== 0) throw new Error(`the report failed: ${out.stderr.slice(0, 500)}`);
  // One figure to show the work was done (the same every round), read after the clock stopped.
  const check = out ? `gross cumulative deficit ${(JSON.parse(out.stdout) as { years: { cumulativeDeficitGross: string }[] }).years.at(-1)!.cumulativeDeficitGross}` : `${rows} rows`;
  return { ms, cpu: (c.user + c.system) / 1000, check };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(lines: number, rounds: number) {
  const dir = join(tmpdir(), `dsg-bench-council-${lines}`);
  const { bytes } = writeCouncil(dir, lines);
  const runs: Record<Mode, { ms: number; cpu: number; check: string }[]> = { report: [], papa: [] };
  for (let r = 0; r < rounds; r++) {
    for (const mode of ['papa', 'report'] as Mode[]) {
      const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      runs[mode].push(JSON.parse(out) as { ms: number; cpu: number; check: string });
    }
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const size = files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  if (size !== bytes) throw new Error('the files changed under the bench');
  const report = median(runs.report.map((r) => r.ms));
  const papa = median(runs.papa.map((r) => r.ms));
  const ratio = report / papa;
  const cpuRatio = median(runs.report.map((r) => r.cpu)) / median(runs.papa.map((r) => r.cpu));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${lines.toLocaleString('en-GB')} lines a year, 3 years, ${files.length} files, ${(size / 1e6).toFixed(1)} MB: ` +
      `whole report ${s(report)} (${runs.report[0]!.check}), bare Papa.parse ${s(papa)} (${runs.papa[0]!.check}), median of ${rounds}`,
  );
  // The target is the big county's (issue 12); a smaller one is printed beside it for comparison.
  const verdict = lines === TARGET_LINES ? `target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'}` : `for comparison: the target is for ${TARGET_LINES.toLocaleString('en-GB')} lines`;
  console.log(`  report ÷ Papa.parse: ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} CPU (${verdict})`);
  return { ratio, cpuRatio };
}

if (process.argv.includes('--child')) {
  const i = process.argv.indexOf('--child');
  void child(process.argv[i + 2]!, process.argv[i + 1] as Mode).then((r) => process.stdout.write(JSON.stringify(r)));
} else {
  const rounds = Number(arg('--rounds') ?? 3);
  const sizes = arg('--lines') ? [Number(arg('--lines'))] : [TARGET_LINES, 4_000];
  console.log('Whole report (import, merge, calculations, JSON) against bare Papa.parse, each run in a fresh process:');
  for (const lines of sizes) measure(lines, rounds);
}
