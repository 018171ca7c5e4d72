/** Mapping a file's columns by hand: each column read as matched, as a field of the kind, or not used. */
import { useState } from 'react';
import { formatPounds } from '../../domain/format';
import { FIELD_LABELS, kindFields, type ColumnChoices, type Field } from '../../import/kinds';
import { KIND_LABELS, type Kind } from '../../model/kinds';
import { columnName } from '../../import/problems';
import { useUploads, type Upload } from './uploadQueue';
import { previewRows } from './report';
import { ScrollBox } from '../../ui/TableWrap';

export function ColumnMapping({ upload, kind }: { upload: Upload; kind: Kind }) {
  const setUploadColumns = useUploads((s) => s.setUploadColumns);
  const r = upload.result!;
  const header = r.header ?? [];
  const [choices, setChoices] = useState<Record<number, string>>(() =>
    Object.fromEntries(Object.entries(upload.columnChoices ?? {}).map(([c, f]) => [c, f])),
  );
  const matched = (col: number) => r.columns.find((c) => c.column === columnName(header, col))?.field;
  const fields = kindFields(kind);
  const preview = r.kind ? previewRows(r.data) : [];
  const apply = () => {
    const picked: ColumnChoices = {};
    for (const [c, f] of Object.entries(choices)) if (f) picked[Number(c)] = f as Field | 'ignore';
    setUploadColumns(upload.id, kind, picked);
  };
  return (
    <>
      <details className="mapping" open={!r.kind || !!upload.columnChoices || undefined} data-testid="mapping">
        <summary>Map columns by hand ({KIND_LABELS[kind]})</summary>
        {upload.mappingRemembered && <p className="notice">The mapping you made for a file with the same header was used.</p>}
        <ScrollBox label="Column mapping">
          <table>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Read as</th>
              </tr>
            </thead>
            <tbody>
              {header.map((cell, col) =>
                cell.trim() === '' ? null : (
                  <tr key={col}>
                    <td>{columnName(header, col)}</td>
                    <td>
                      <select
                        aria-label={`Read column ${columnName(header, col)} as`}
                        value={choices[col] ?? ''}
                        onChange={(e) => setChoices({ ...choices, [col]: e.target.value })}
                      >
                        <option value="">{matched(col) ? `as matched: ${matched(col)}` : 'not used (as matched)'}</option>
                        <option value="ignore">not used</option>
                        {fields.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollBox>
        <button type="button" onClick={apply}>
          Read the file with this mapping
        </button>
      </details>
      {preview.length > 0 && (
        <ScrollBox label="The first rows as they will be imported">
          <table data-testid="preview">
            <caption>The first rows as they will be imported</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Period</th>
                <th scope="col">Block</th>
                <th scope="col">Line</th>
                <th scope="col" className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((p, i) => (
                <tr key={i}>
                  <td>{p.year}</td>
                  <td>{p.period}</td>
                  <td>{p.block}</td>
                  <td>{p.line}</td>
                  <td className="num">{formatPounds(p.amount, { pence: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
