/**
 * The bench page: times the app's own import path (src/workers/importClient: the module worker
 * running the shared import core) against bare Papa Parse in a worker, and records every
 * main-thread task over 50 ms while they run.
 */
import { runImport } from '../../src/workers/importClient';
import { ledgerMap } from '../ledger';

type Mode = 'step' | 'whole' | 'import';
const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });

async function bare(file: File, mode: 'step' | 'whole') {
  const w = new Worker(new URL('./papa.worker.ts', import.meta.url), { type: 'module' });
  const r = await new Promise<{ ms: number; rows: number }>((resolve) => {
    w.onmessage = (e) => resolve(e.data);
    w.postMessage({ file, mode });
  });
  w.terminate();
  return r;
}

async function full(file: File) {
  const t0 = performance.now();
  let progress = 0;
  // The ledger's rows name only cost centres: the map, sent with the file, gives their blocks and lines.
  const out = await runImport(file, file.name, undefined, () => progress++, undefined, ledgerMap()).promise;
  if (out === 'cancelled' || !('result' in out)) throw new Error('cancelled, or not a ledger');
  if (out.result.errorCount > 0) throw new Error(`the bench file has errors: ${out.result.errors[0]?.message}`);
  return { ms: performance.now() - t0, rows: out.result.rowsImported, progress, errors: out.result.errorCount };
}

(window as unknown as { bench: (mode: Mode) => Promise<unknown> }).bench = async (mode: Mode) => {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  longTasks.length = 0;
  const r = mode === 'import' ? await full(file) : await bare(file, mode);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { ...r, longTasks: [...longTasks] };
};
