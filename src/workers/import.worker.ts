/**
 * The import worker: reads one file's bytes, hashes them and runs the shared import core
 * (Papa Parse a chunk at a time, aggregating while it parses) off the page's thread, posting
 * progress every few thousand rows. Cancelling terminates the worker: nothing reaches the store.
 */
import { importBytes, type ImportResult } from '../import/importFile';
import { sniffSpreadsheet } from '../import/sources/sniff';
import { claimsFile, isNationalFile, readNationalFile } from '../national/read';
import type { ImportReply, ImportRequest } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
}
const scope = self as unknown as WorkerScope;

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

scope.onmessage = async (e) => {
  const { file, name, kind, columns, maxBytes, costCentreMap, sheet } = e.data;
  try {
    const buffer = await file.arrayBuffer();
    // The browser hashes on its own thread while this one parses.
    const hashing = crypto.subtle.digest('SHA-256', buffer);
    const bytes = new Uint8Array(buffer);
    // The DfE's files are told apart before the council kinds (unless the user chose a kind).
    if (!kind && isNationalFile(name, bytes)) {
      scope.postMessage({ type: 'progress', fraction: 0.5, rows: 0 });
      const national = await readNationalFile(bytes, name);
      if (claimsFile(name, bytes, national)) {
        scope.postMessage({ type: 'national', national, sha256: hex(await hashing), size: file.size });
        return;
      }
    }
    const options = {
      ...(kind ? { kind } : {}),
      ...(kind && columns ? { columns } : {}),
      ...(maxBytes ? { maxBytes } : {}),
      ...(costCentreMap ? { costCentreMap } : {}),
      onProgress: (fraction: number, rows: number) => scope.postMessage({ type: 'progress', fraction, rows }),
    };
    let result: ImportResult;
    if (sniffSpreadsheet(bytes)) {
      // Only a spreadsheet loads the workbook reader (and SheetJS, in a chunk of its own).
      const { importWorkbook } = await import('../import/workbook');
      result = await importWorkbook(bytes, name, { ...options, ...(sheet !== undefined ? { sheet } : {}) });
    } else result = importBytes(bytes, name, options);
    const sha256 = hex(await hashing);
    scope.postMessage({ type: 'done', result, sha256, size: file.size });
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
