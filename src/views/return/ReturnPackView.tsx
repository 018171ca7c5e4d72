/**
 * The DfE monitoring return: the return pack for a chosen period as a printable page and as an
 * XLSX workbook. Both render the one ReturnPack shape (src/domain/returnPack.ts), so the file and
 * the page hold the same figures.
 */
import { useState } from 'react';
import { useReadOnly } from '../../ui/readOnly';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { formatCount, formatPercent, formatPounds, formatToday } from '../../domain/format';
import { authorityName, fileNameFor } from '../../domain/settings';
import { fromPounds } from '../../domain/money';
import { buildReturnPack, type PackCell } from '../../domain/returnPack';
import { downloadBlob } from '../../export/download';
import { useLatestPeriods, useReport, useSelectedYear, useWorkspace } from '../../store/hooks';
import { TableWrap } from '../../ui/TableWrap';
import Decimal from 'decimal.js';
import '../../charts/dashboard.css';
import './returnPack.css';

function Cell({ c, header }: { c: PackCell; header?: boolean }) {
  if (c === null) return <td />;
  if (c.kind === 'text') {
    const content = c.bold ? <strong>{c.value}</strong> : c.value;
    // A mark standing for a figure ("-", "not given") lines up with the figures; other text wraps as text.
    return header ? <th scope="row">{content}</th> : <td className={c.mark ? 'num' : undefined}>{content}</td>;
  }
  if (c.kind === 'money') {
    // The pack's money is an exact two-decimal string; pence for display, the string for CSV.
    const text = formatPounds(fromPounds(c.value), { pence: !c.value.endsWith('.00') });
    return <td className="num" data-value={c.value}>{c.bold ? <strong>{text}</strong> : text}</td>;
  }
  if (c.kind === 'count') return <td className="num" data-value={String(c.value)}>{formatCount(c.value)}</td>;
  // A percentage leaves as the fraction a spreadsheet formats as a percentage (1.39% is 0.013907).
  return <td className="num" data-value={new Decimal(c.value).div(100).toString()}>{formatPercent(new Decimal(c.value))}</td>;
}

/** The columns a sheet keeps on a phone, by heading: what a row is and the figures it is about. */
const KEY_HEADING = /^(Month|Ref|Block|Measure|Budget line|Condition|RAG|Over \/ \(under\) spend|In-year deficit|Plans at end|Above \/ \(below\) target|Year|Period|Age group|Made inactive|Ceasing in progress|Registered cases)/;
function keyColumns(header: readonly string[]): number[] {
  const keys = header.flatMap((h, i) => (KEY_HEADING.test(h) ? [i] : []));
  // Of columns headed by calendar years (tribunals and mediations), the latest.
  const years = header.flatMap((h, i) => (/^\d{4}$/.test(h) ? [i] : []));
  if (years.length > 0) keys.push(years[years.length - 1]!);
  // A line's name says which line it is; its block is then one of the other columns.
  return header.some((h) => h.startsWith('Budget line')) ? keys.filter((i) => !header[i]!.startsWith('Block')) : keys;
}

export function ReturnPackView() {
  const report = useReport();
  const y = useSelectedYear(report);
  const readOnly = useReadOnly();
  const source = useWorkspace((s) => s.source);
  const settings = useWorkspace((s) => s.settings);
  const selectedPeriod = useWorkspace((s) => s.selectedPeriod);
  const selectPeriod = useWorkspace((s) => s.selectPeriod);
  const latestPeriods = useLatestPeriods();
  const instalments = useWorkspace((s) => s.dataset.instalments);
  const [error, setError] = useState<string | null>(null);
  if (!y) return <p>No data is loaded yet.</p>;
  const latest = latestPeriods.get(y.fy) ?? null;
  const produced = formatToday();
  const authority = authorityName(settings) ?? (source === 'example' ? 'Torbay Council (LA 880, example data)' : null);
  const pack = buildReturnPack(report, { fy: y.fy, produced, ...(authority ? { authority } : {}), instalments });
  if (!pack) return <p>No data is loaded yet.</p>;
  const download = async () => {
    setError(null);
    try {
      // The XLSX writer is loaded only when asked for, so the dashboard does not carry it.
      const { returnPackXlsx } = await import('../../export/xlsx');
      const period = y.latestPeriod === null ? 'no-actuals' : `P${String(y.latestPeriod).padStart(2, '0')}`;
      downloadBlob(fileNameFor(settings, `dsg-safety-valve-return-${y.label}-${period}.xlsx`), await returnPackXlsx(pack));
    } catch (e) {
      setError(`The return could not be written: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };
  return (
    <article className="return-pack" data-testid="return-pack">
      <div className="no-print">
        <p className="view-intro">
          The return the agreement requires at least three times a year: the financial position against the profile, the block
          summary, the budget lines with commentary, EHCP and RSA figures against targets, where held the progress report&apos;s tables
          (plans issued and made inactive, cessations by age group, tribunals and mediations), and the conditions with their status.
          Choose the period, then download the spreadsheet for the DfE or print this page.
        </p>
        {latest !== null && (
          <p>
            <label>
              Period of the return ({y.label}){' '}
              <select value={selectedPeriod ?? ''} onChange={(e) => selectPeriod(e.target.value === '' ? null : Number(e.target.value))} data-testid="return-period">
                <option value="">the latest, period {latest} ({monthLabel(monthOfPeriod(y.fy, latest))})</option>
                {Array.from({ length: latest - 1 }, (_, i) => i + 1).map((p) => (
                  <option key={p} value={p}>period {p} ({monthLabel(monthOfPeriod(y.fy, p))})</option>
                ))}
              </select>
            </label>{' '}
            <span className="hint">(the financial year is chosen at the top of the page)</span>
          </p>
        )}
        <div className="report-actions">
          {!readOnly && <button type="button" onClick={() => void download()}>Download the return (XLSX)</button>}
          <button type="button" onClick={() => window.print()}>Print or save as PDF</button>
        </div>
        {error && <p role="alert" className="error-message">{error}</p>}
      </div>
      <header>
        <h2 className="return-title">{pack.title}</h2>
        <p data-testid="return-as-at">As at {pack.asAt}. Produced {pack.produced}.</p>
      </header>
      {pack.sheets.map((s) => {
        const numeric = s.header.map((_, i) => i > 0 && s.rows.some((r) => r[i] && r[i]!.kind !== 'text'));
        return (
          <section key={s.name} className="return-sheet" aria-labelledby={`sheet-${s.name.replace(/\W+/g, '-')}`} data-testid={`return-sheet-${s.name.replace(/\W+/g, '-').toLowerCase()}`}>
            <h3 id={`sheet-${s.name.replace(/\W+/g, '-')}`}>{s.name}</h3>
            {s.note && <p className="return-note" data-testid={`return-note-${s.name.replace(/\W+/g, '-').toLowerCase()}`}>{s.note}</p>}
            <TableWrap label={s.title} keyColumns={keyColumns(s.header)}>
              <table>
                <caption>{s.title}.{s.rows.some((r) => r.some((c) => c?.kind === 'money')) && ' Brackets mean an underspend, surplus or headroom.'}</caption>
                <thead>
                  <tr>{s.header.map((h, i) => <th key={i} scope="col" className={numeric[i] ? 'num' : undefined}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i}>{r.map((c, j) => <Cell key={j} c={c} header={j === 0} />)}</tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        );
      })}
    </article>
  );
}
