/** Upload files (drop or choose), see each one's report, import it; the import history with undo. */
import { formatCount, formatDateTime } from '../../domain/format';
import './import.css';
import { useRef, useState } from 'react';
import { fyLabel } from '../../model/calendar';
import { useWorkspace, useWorkspaceStore } from '../../store/hooks';
import { useUploads } from './uploadQueue';
import type { CellChange } from '../../model/history';
import { formatSize } from './report';
import { UploadCard } from './UploadCard';
import { HandMappings } from './CostCentrePanel';
import { ScrollBox } from '../../ui/TableWrap';

export function ImportView() {
  const uploads = useUploads((s) => s.uploads);
  const addFiles = useUploads((s) => s.addFiles);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  return (
    <>
      <p>
        Upload the budget, actuals, ledger, funding, agreement, EHCP and targets files as your finance system or Excel saves them:
        CSV (comma, semicolon or tab separated), Excel workbooks (.xlsx) or OpenDocument spreadsheets (.ods), and the DfE&apos;s national
        files as you download them (the SEN2 release .zip or its CSVs, the DSG allocations .ods or .xlsx). Nothing is stored until you
        choose to import a file.
      </p>
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          addFiles([...e.dataTransfer.files]);
        }}
      >
        <p>Drag and drop files here, or</p>
        <label className="file-button">
          Choose files
          <input
            ref={input}
            type="file"
            multiple
            accept=".csv,.txt,.tsv,.zip,text/csv,text/plain,.xlsx,.xlsm,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
            data-testid="file-input"
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])]);
              if (input.current) input.current.value = '';
            }}
          />
        </label>
      </div>
      {uploads.length > 0 && (
        <>
          <h2>Files</h2>
          {uploads.map((u) => (
            <UploadCard key={u.id} upload={u} />
          ))}
        </>
      )}
      <HandMappings />
      <History />
    </>
  );
}

function History() {
  const imports = useWorkspace((s) => s.imports);
  const source = useWorkspace((s) => s.source);
  const { undoImport, redoImport } = useWorkspaceStore().getState();
  const [error, setError] = useState<string | null>(null);
  const run = async (op: Promise<string | null>) => setError(await op);
  return (
    <>
      <h2>Import history</h2>
      {source === 'example' && <p>You are looking at the example data. Your imports will be listed here.</p>}
      {source === 'user' && imports.length === 0 && <p>Nothing imported yet.</p>}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {imports.length > 0 && (
        <ScrollBox label="Import history">
          <table data-testid="history">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Size</th>
                <th scope="col" className="num">Rows read</th>
                <th scope="col" className="num">Imported</th>
                <th scope="col" className="num">Left out</th>
                <th scope="col">SHA-256</th>
                <th scope="col">
                  <span className="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...imports].reverse().map((r) => (
                <tr key={r.id} className={r.undoneAt ? 'undone' : undefined}>
                  <td>{formatDateTime(r.time)}</td>
                  <td>
                    {r.file}
                    {replacedNote(r.replaced)}
                    {r.undoneAt && <span className="detail"> (undone)</span>}
                  </td>
                  <td>{r.kindLabel}</td>
                  <td className="num">{formatSize(r.size)}</td>
                  <td className="num">{r.rowsRead.toLocaleString('en-GB')}</td>
                  <td className="num">{r.rowsImported.toLocaleString('en-GB')}</td>
                  <td className="num">{formatCount(r.leftOutRows.length > 0 ? r.leftOutRows.length : r.rowsRejected)}</td>
                  <td>
                    <code title={r.sha256}>{r.sha256 ? `${r.sha256.slice(0, 12)}…` : ''}</code>
                  </td>
                  <td>
                    {r.undoneAt ? (
                      <button type="button" onClick={() => run(redoImport(r.id))}>
                        Redo <span className="visually-hidden">{r.file}</span>
                      </button>
                    ) : (
                      <button type="button" onClick={() => run(undoImport(r.id))}>
                        Undo <span className="visually-hidden">{r.file}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}

/** "replaced 3 figures (2022-23 P4, P5)": read defensively, as a history note is not a figure and may be damaged. */
function replacedNote(replaced: unknown) {
  const list = Array.isArray(replaced) ? replaced.filter((c): c is CellChange => typeof c === 'object' && c !== null && typeof c.fy === 'number' && typeof c.period === 'number') : [];
  if (list.length === 0) return null;
  const periods = [...new Set(list.map((c) => `${fyLabel(c.fy)} P${c.period}`))];
  return (
    <span className="detail">
      {' '}
      replaced {list.length} figure{list.length === 1 ? '' : 's'} ({periods.slice(0, 24).join(', ')}{periods.length > 24 ? ` and ${periods.length - 24} more` : ''})
    </span>
  );
}
