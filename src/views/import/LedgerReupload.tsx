/**
 * A ledger for periods already held: replace those periods (the default, as a year-to-date export
 * expects) or add to them; the import button says which. Adding again a file whose bytes were
 * imported before needs a confirmation that names the total it would double.
 */
import { formatPounds } from '../../domain/format';
import { actualsTotal, describePeriods, type LedgerMode } from '../../store/ledgerReupload';
import { useUploadQueue, type Upload } from './uploadQueue';
import { plural } from './report';

const isReupload = (u: Upload) => u.status === 'read' && u.result?.kind === 'ledger' && (u.heldPeriods?.length ?? 0) > 0;

/** The import button's words for a ledger re-upload; undefined for any other file. */
export function reuploadButtonLabel(u: Upload): string | undefined {
  if (!isReupload(u)) return undefined;
  const periods = describePeriods(u.heldPeriods!);
  return u.ledgerMode === 'add'
    ? `Add to ${periods} and import`
    : `Replace ${periods}${u.changes.length > 0 ? ` (${plural(u.changes.length, 'figure')} change)` : ''} and import`;
}

/** Adding again the same bytes waits for the user's confirmation. */
export function reuploadBlocked(u: Upload): boolean {
  return isReupload(u) && u.ledgerMode === 'add' && !!u.importedBefore && !u.confirmedDouble;
}

export function LedgerReupload({ upload }: { upload: Upload }) {
  const { setLedgerMode, confirmDouble } = useUploadQueue().getState();
  if (!isReupload(upload)) return null;
  const mode: LedgerMode = upload.ledgerMode ?? 'replace';
  const periods = describePeriods(upload.heldPeriods!);
  const doubled = formatPounds(actualsTotal(upload.result!.data), { pence: true });
  const name = `ledger-mode-${upload.id}`;
  return (
    <fieldset className="confirm" data-testid="ledger-mode">
      <legend>This ledger has figures for periods already held: {periods}</legend>
      <label>
        <input type="radio" name={name} value="replace" checked={mode === 'replace'} onChange={() => setLedgerMode(upload.id, 'replace')} /> Replace those
        periods: what earlier ledgers hold for them ({periods}) is replaced by this file (a year-to-date export)
      </label>
      <br />
      <label>
        <input type="radio" name={name} value="add" checked={mode === 'add'} onChange={() => setLedgerMode(upload.id, 'add')} /> Add to them: this file holds
        further transactions for those periods
      </label>
      {upload.importedBefore && mode === 'replace' && (
        <p data-testid="same-bytes">
          This same file was imported on {new Date(upload.importedBefore).toLocaleString('en-GB')}: replacing those periods with it changes no figure.
        </p>
      )}
      {upload.importedBefore && mode === 'add' && (
        <div className="warning-message" role="alert" data-testid="double-confirm">
          <p>
            This same file was imported on {new Date(upload.importedBefore).toLocaleString('en-GB')}. Adding it again counts its {doubled} of
            transactions a second time, doubling them.
          </p>
          <label>
            <input type="checkbox" checked={!!upload.confirmedDouble} onChange={(e) => confirmDouble(upload.id, e.target.checked)} /> Yes, add it again
            and count {doubled} twice
          </label>
        </div>
      )}
    </fieldset>
  );
}
