/** A DfE file on the Import screen: the tables it holds, what was left aside and why, and its Import button. */
import { useState } from 'react';
import { describeImport } from '../../national/merge';
import { TABLE_LABELS } from '../../model/national';
import { useUploads, type Upload } from '../import/uploadQueue';

export function NationalUploadSummary({ upload }: { upload: Upload }) {
  const commitNational = useUploads((s) => s.commitNational);
  const [busy, setBusy] = useState(false);
  const n = upload.national!;
  const lines = describeImport(n);
  return (
    <div data-testid="national-upload">
      {n.tables.length > 0 ? (
        <>
          <p data-testid="upload-summary">
            Read as <strong data-testid="upload-kind">DfE national tables</strong>: {n.tables.length} table{n.tables.length === 1 ? '' : 's'}, kept apart from your
            council&apos;s own figures.
          </p>
          <ul>
            {n.tables.map((t, i) => (
              <li key={t.file + t.id}>
                {TABLE_LABELS[t.id]}: {lines[i]}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="error-message" role="alert" data-testid="upload-message">
          No table this app reads was found in {upload.name}: nothing can be imported from it.
        </p>
      )}
      {n.ignored.length > 0 && (
        <details>
          <summary>Left aside ({n.ignored.length})</summary>
          <ul>
            {n.ignored.map((x) => (
              <li key={x.file}>
                {x.file}: {x.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {n.warnings.length > 0 && (
        <details>
          <summary>Warnings ({n.warnings.length})</summary>
          <ul>
            {n.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {upload.status === 'read' && n.tables.length > 0 && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await commitNational(upload.id);
              setBusy(false);
            }}
          >
            Import the national tables
          </button>
        </div>
      )}
    </div>
  );
}
