/** One uploaded file: progress and cancel while it is read, then its report and the user's choice. */
import { useState } from 'react';
import { fyLabel } from '../../model/calendar';
import { formatDateTime, formatPounds } from '../../domain/format';
import { type Pence, sub } from '../../model/money';
import { KINDS, KIND_LABELS, type Kind } from '../../model/kinds';
import type { FormChoices } from '../../import/forms';
import type { SheetInfo } from '../../import/importFile';
import { leftOutRows } from '../../store/history';
import { useWorkspace } from '../../store/hooks';
import { useUploadQueue, type Upload } from './uploadQueue';
import { ColumnMapping } from './ColumnMapping';
import { FormChooser } from './FormChooser';
import { foldErrors, type FoldedErrors } from '../../import/openQuestions';
import { LedgerReupload, reuploadBlocked, reuploadButtonLabel } from './LedgerReupload';
import { CostCentreSummaryLine, UnmappedCostCentres } from './CostCentrePanel';
import { downloadText } from '../../export/download';
import { formatSize, plural, problemsCsv } from './report';
import { ScrollBox } from '../../ui/TableWrap';
import { NationalUploadSummary } from '../national/NationalUploadSummary';

/** The forms chosen for an upload, in words. */
function describeChoices(f: FormChoices): string {
  const parts: string[] = [];
  if (f.numberFormat) parts.push(f.numberFormat === 'uk' ? 'UK amounts (1,234.56)' : 'European amounts (1.234,56)');
  if (f.periodCode) parts.push(f.periodCode === 'calendar' ? 'six-digit periods as year and calendar month' : 'six-digit periods as year and fiscal period');
  if (f.singleYear) parts.push(f.singleYear === 'start' ? 'a single year as the year the financial year starts in' : 'a single year as the year the financial year ends in');
  if (f.units) parts.push(`amounts in ${f.units}`);
  return parts.join('; ');
}

const money = (p: Pence | null) => (p === null ? 'none' : formatPounds(p, { pence: true }));

export function UploadCard({ upload }: { upload: Upload }) {
  const { cancelUpload, dismissUpload, setUploadKind, setUploadSheet, setUploadForms, commitUpload } = useUploadQueue().getState();
  const source = useWorkspace((s) => s.source);
  const [busy, setBusy] = useState(false);
  const r = upload.result;
  const percent = Math.round(upload.fraction * 100);
  const leftOut = r ? leftOutRows(r.errors) : [];
  // With a question asked, the errors that only wait on it are folded under it; every other error is listed.
  const fold = upload.status === 'read' && r?.formQuestion ? foldErrors(r) : undefined;
  const listed = fold ? fold.others : (r?.errors ?? []);
  const listedCount = fold ? fold.otherCount : (r?.errorCount ?? 0);
  const canImport = upload.status === 'read' && !!r?.kind && r.rowsImported > 0;
  const commit = async () => {
    setBusy(true);
    await commitUpload(upload.id);
    setBusy(false);
  };

  return (
    <section className="upload" aria-label={`File ${upload.name}`} data-testid="upload">
      <h3 className="upload-name">{upload.name}</h3>
      <p className="upload-meta" data-testid="upload-meta">
        {formatSize(upload.size)}
        {r && <> · {plural(r.rowsRead, 'row')} read</>}
        {r?.encoding && <> · {r.encoding}</>}
        {r?.delimiter && <> · {r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`} separated</>}
        {r?.headerRow !== undefined && <> · header on row {r.headerRow}</>}
      </p>

      {r?.sheets && r.sheet !== undefined && <SheetChoice upload={upload} sheet={r.sheet} sheets={r.sheets} onChoose={(name) => setUploadSheet(upload.id, name)} />}

      {(upload.status === 'queued' || upload.status === 'reading') && (
        <div className="upload-progress">
          <label>
            {upload.status === 'queued' ? 'Waiting to be read' : `Reading: ${plural(upload.rows, 'row')}, ${percent}%`}
            <progress max={100} value={percent} data-testid="progress" />
          </label>
          <button type="button" onClick={() => cancelUpload(upload.id)}>
            Cancel
          </button>
        </div>
      )}

      {upload.message && (
        <p className={upload.status === 'cancelled' ? 'notice' : 'error-message'} role={upload.status === 'cancelled' ? 'status' : 'alert'} data-testid="upload-message">
          {upload.message}
        </p>
      )}

      {upload.national && <NationalUploadSummary upload={upload} />}

      {upload.status !== 'reading' && upload.status !== 'imported' && !upload.national && (
        <label className="kind-choice">
          Kind of file{' '}
          <select
            value={upload.kindChoice ?? ''}
            onChange={(e) => setUploadKind(upload.id, e.target.value === '' ? undefined : (e.target.value as Kind))}
            data-testid="kind-select"
          >
            <option value="">{r?.kind && !upload.kindChoice ? `Detected: ${KIND_LABELS[r.kind]}` : 'Detect from the columns'}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      )}

      {r && (
        <>
          <p data-testid="upload-summary">
            {r.kind ? <>Read as <strong data-testid="upload-kind">{KIND_LABELS[r.kind]}</strong>: </> : null}
            {plural(r.rowsImported, 'row')} valid, {plural(r.skipped.length, 'row')} skipped, {plural(r.errorCount, 'error')},{' '}
            {plural(r.warnings.length, 'warning')}.
          </p>
          {upload.status === 'read' && r.formQuestion && (
            <FormChooser key={r.formQuestion.key} question={r.formQuestion} onChoose={(forms) => setUploadForms(upload.id, forms)} />
          )}
          {upload.formChoices && Object.keys(upload.formChoices).length > 0 && (
            <p data-testid="form-choices">Read with the forms you chose for this file: {describeChoices(upload.formChoices)}.</p>
          )}
          {r.costCentres && <CostCentreSummaryLine summary={r.costCentres} />}
          {upload.status === 'read' && r.costCentres && <UnmappedCostCentres uploadId={upload.id} summary={r.costCentres} />}
          {r.columns.length > 0 && (
            <details>
              <summary>Columns matched ({r.columns.length})</summary>
              <ul className="columns">
                {r.columns.map((c) => (
                  <li key={c.column}>
                    {c.column} → {c.field}
                  </li>
                ))}
              </ul>
              {r.extraColumns.length > 0 && <p>Ignored columns: {r.extraColumns.join(', ')}</p>}
            </details>
          )}
          {upload.status === 'read' && r.header && (r.kind ?? upload.kindChoice) && (
            <ColumnMapping key={`${upload.kindChoice ?? r.kind}`} upload={upload} kind={(r.kind ?? upload.kindChoice)!} />
          )}
          {upload.status === 'read' && !r.kind && !upload.kindChoice && r.header && r.header.length > 1 && (
            <p>To map the columns by hand, choose the kind of file above.</p>
          )}
          {r.skipped.length > 0 && (
            <details>
              <summary>Rows skipped ({r.skipped.length})</summary>
              <ul>
                {r.skipped.slice(0, 200).map((s) => (
                  <li key={s.row}>
                    Row {s.row}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {r.warnings.length > 0 && (
            <details>
              <summary>Warnings ({r.warnings.length})</summary>
              <ul>
                {r.warnings.slice(0, 200).map((w, i) => (
                  <li key={i}>
                    {w.row !== undefined && `Row ${w.row}: `}
                    {w.column && `${w.column}: `}
                    {w.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {fold?.folded.map((f) => <FoldedErrorList key={f.key} folded={f} />)}
          {listedCount > 0 && (
            <ScrollBox label={`Errors in ${upload.name}`}>
              <table data-testid="errors">
                <caption>
                  {plural(listedCount, 'error')}
                  {fold && fold.folded.length > 0 && ' besides the rows waiting on the choice'}
                  {listed.length < listedCount && ` (the first ${listed.length.toLocaleString('en-GB')} shown)`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Value</th>
                    <th scope="col">Problem</th>
                    <th scope="col">Accepted</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.slice(0, 500).map((e, i) => (
                    <tr key={i}>
                      <td>{e.file}</td>
                      <td className="num">{e.row ?? ''}</td>
                      <td>{e.column ?? ''}</td>
                      <td>{e.value ?? ''}</td>
                      <td>{e.message}</td>
                      <td>{e.accepted ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {(r.errorCount > 0 || r.warnings.length > 0 || r.skipped.length > 0) && (
            <button type="button" onClick={() => downloadText(`${upload.name.replace(/\.[^.]*$/, '')}-report.csv`, problemsCsv(r), 'text/csv')}>
              Download this report as CSV
            </button>
          )}
        </>
      )}

      {upload.status === 'read' && upload.importedBefore && r?.kind !== 'ledger' && (
        <p className="warning-message">
          This same file was imported on {formatDateTime(upload.importedBefore)}.
        </p>
      )}
      <LedgerReupload upload={upload} />

      {upload.status === 'read' && upload.changes.length > 0 && (
        <ScrollBox label="What replacing the period changes">
          <table data-testid="changes">
            <caption>
              Importing this file replaces {plural(upload.changes.length, 'figure')} already held
            </caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Period</th>
                <th scope="col">Block</th>
                <th scope="col">Line</th>
                <th scope="col" className="num">Old</th>
                <th scope="col" className="num">New</th>
                <th scope="col" className="num">Difference</th>
              </tr>
            </thead>
            <tbody>
              {upload.changes.map((c, i) => (
                <tr key={i}>
                  <td>{fyLabel(c.fy)}</td>
                  <td className="num">{c.period}</td>
                  <td>{c.block}</td>
                  <td>{c.line}</td>
                  <td className="num">{money(c.old)}</td>
                  <td className="num">{money(c.new)}</td>
                  <td className="num">{c.new === null ? '' : money(sub(c.new, c.old))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      {canImport && r && (
        <div className="actions">
          {r.errorCount > 0 && (
            <p data-testid="left-out">
              Fix the file and upload it again, or import the {plural(r.rowsImported, 'valid row')} and leave out{' '}
              {leftOut.length > 0 ? `rows ${leftOut.slice(0, 50).join(', ')}${leftOut.length > 50 ? ` and ${leftOut.length - 50} more` : ''}` : plural(r.rowsRejected, 'row')}.
            </p>
          )}
          {source === 'example' && <p>Your first import replaces the example data (Settings can bring it back).</p>}
          <button type="button" className="primary" disabled={busy || reuploadBlocked(upload)} onClick={commit}>
            {reuploadButtonLabel(upload) ?? (upload.changes.length > 0
              ? `Replace ${plural(upload.changes.length, 'figure')} and import`
              : r.errorCount > 0
                ? `Import the ${plural(r.rowsImported, 'valid row')}, leaving out ${plural(r.rowsRejected, 'row')}`
                : `Import ${plural(r.rowsImported, 'row')}`)}
          </button>
        </div>
      )}
      {upload.status === 'read' && r && !canImport && r.errorCount > 0 && (
        <p className="error-message" role="alert">
          {fold && fold.folded.length > 0
            ? 'Nothing from this file can be imported until you choose a reading above.'
            : 'Nothing from this file can be imported: fix it and upload it again.'}
        </p>
      )}
      {upload.status === 'imported' && (
        <p className="notice" role="status">
          Imported. It is in the import history below, where it can be undone.
        </p>
      )}
      {upload.status !== 'reading' && upload.status !== 'queued' && (
        <button type="button" onClick={() => dismissUpload(upload.id)}>
          Remove from this list
        </button>
      )}
    </section>
  );
}

/** The rows that wait on a form the file leaves open, in one line, the first few behind it. */
function FoldedErrorList({ folded }: { folded: FoldedErrors }) {
  const more = folded.rows - folded.first.length;
  return (
    <details className="folded-errors" data-testid="folded-errors">
      <summary>
        {plural(folded.rows, 'row')} cannot be read until you choose {folded.what}
        {folded.askedNow ? ' (above)' : ', asked once the question above is answered'}
      </summary>
      <ul>
        {folded.first.map((e, i) => (
          <li key={i}>
            Row {e.row}
            {e.column && `, ${e.column}`}
            {e.value !== undefined && `: ${e.value}`}
          </li>
        ))}
      </ul>
      {more > 0 && <p>And {plural(more, 'more row')} like these.</p>}
    </details>
  );
}

function sheetLabel(s: SheetInfo): string {
  return `${s.name} (${s.kindLabel ?? (s.empty ? 'empty' : 'not a kind this app reads')}${s.hidden ? ', hidden' : ''})`;
}

/** A workbook's sheet read, the others with their kinds, and a choice of another (read again). */
function SheetChoice({ upload, sheet, sheets, onChoose }: { upload: Upload; sheet: string; sheets: SheetInfo[]; onChoose: (name: string) => void }) {
  const others = sheets.filter((s) => s.name !== sheet);
  return (
    <div className="sheet-choice">
      <p data-testid="upload-sheet">
        Read from sheet “{sheet}”{upload.sheetChoice === undefined && ' (the first of a kind this app reads)'}.
        {others.length > 0 && <> The workbook’s other {others.length === 1 ? 'sheet' : `${others.length} sheets`}: {others.map(sheetLabel).join('; ')}.</>}
      </p>
      {sheets.length > 1 && upload.status !== 'imported' && (
        <label>
          Sheet{' '}
          <select value={sheet} onChange={(e) => onChoose(e.target.value)} data-testid="sheet-select">
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {sheetLabel(s)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
