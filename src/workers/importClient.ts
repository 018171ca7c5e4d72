/** Runs one file through the import worker; `cancel` terminates it at once. */
import type { MapEntry } from '../model/costCentreMap';
import type { ImportResult } from '../import/importFile';
import type { ColumnChoices } from '../import/kinds';
import type { Kind } from '../model/kinds';
import type { ImportReply, ImportRequest } from './protocol';

export interface WorkerOutcome {
  result: ImportResult;
  sha256: string;
  size: number;
}

export interface RunningImport {
  promise: Promise<WorkerOutcome | 'cancelled'>;
  cancel(): void;
}

export function runImport(
  file: Blob,
  name: string,
  kind: Kind | undefined,
  onProgress: (fraction: number, rows: number) => void,
  columns?: ColumnChoices,
  costCentreMap?: MapEntry[],
  sheet?: string,
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: (v: WorkerOutcome | 'cancelled') => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const promise = new Promise<WorkerOutcome | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    const m = e.data;
    if (m.type === 'progress') onProgress(m.fraction, m.rows);
    else {
      worker.terminate();
      if (m.type === 'done') settle({ result: m.result, sha256: m.sha256, size: m.size });
      else fail(new Error(m.message));
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    fail(new Error(e.message || 'the import worker stopped'));
  };
  const request: ImportRequest = {
    file, name, ...(kind ? { kind } : {}), ...(columns ? { columns } : {}), ...(costCentreMap?.length ? { costCentreMap } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
  worker.postMessage(request);
  return {
    promise,
    cancel() {
      worker.terminate();
      settle('cancelled');
    },
  };
}
