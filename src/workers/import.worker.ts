/**
 * The import worker: reads one file's bytes, hashes them and runs the shared import core
 * (Papa Parse a chunk at a time, aggregating while it parses) off the page's thread, posting
 * progress every few thousand rows. Cancelling terminates the worker: nothing reaches the store.
 */
import { csvHeadRows, withFormQuestion } from '../import/formChoices';
import { importBytes, type ImportResult } from '../import/importFile';
import { needsFormRows } from './formRows';
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
  const { file, name, kind, columns, maxBytes, costCentreMap, sheet, forms } = e.data;
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
      ...(forms ? { forms } : {}),
      onProgress: (fraction: number, rows: number) => scope.postMessage({ type: 'progress', fraction, rows }),
    };
    let result: ImportResult;
    if (sniffSpreadsheet(bytes)) {
      // Only a spreadsheet loads the workbook reader (and SheetJS, in a chunk of its own).
      const { importWorkbook } = await import('../import/workbook');
      result = await importWorkbook(bytes, name, { ...options, ...(sheet !== undefined ? { sheet } : {}) });
      const { readWorkbook } = await import('../import/sources/spreadsheet');
      const { sheetRows } = await import('../import/workbook');
      const read = result.sheet;
      // Read again only for the rows a form question previews (formRows.ts), not for any error.
      const sheets = needsFormRows(result, forms) ? await readWorkbook(bytes) : [];
      const chosen = sheets.find((s) => s.name === read);
      // A form the sheet leaves open is offered with a preview of its first rows.
      if (chosen) result = withFormQuestion(result, () => sheetRows(chosen).slice(0, 60), options);
    } else {
      const csv = importBytes(bytes, name, options);
      result = csv.errorCount > 0 ? withFormQuestion(csv, () => csvHeadRows(bytes, csv), options) : csv;
    }
    const sha256 = hex(await hashing);
    scope.postMessage({ type: 'done', result, sha256, size: file.size });
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
