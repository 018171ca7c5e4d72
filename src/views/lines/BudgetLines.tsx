/** Budget lines: every line with budget, year-to-date actual, forecast outturn, variance and commentary; filter, sort, drill. */
import { cellValue } from '../shared/cellValue';
import { TableWrap } from '../../ui/TableWrap';
import { BLOCKS, type Block } from '../../model/blocks';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { formatCount, formatPounds } from '../../domain/format';
import type { Pence } from '../../model/money';
import { useReport, useSelectedYear } from '../../store/hooks';
import { useState } from 'react';
import { useReadOnly } from '../../ui/readOnly';
import { useWorkspace } from '../../store/hooks';
import { formatDate } from '../conditions/conditionForm';
import { CommentEditor } from './CommentEditor';
import { useLineView } from './drill';
import { lineRows, sortRows, totals, type LineRow, type SortKey } from './shape';
import { MoneyCell } from '../shared/MoneyCell';
import '../../charts/dashboard.css';

/** The columns the CSV has after the line's name (tableCsv reads them from data-csv-extra). */
const CSV_EXTRA_HEADER = JSON.stringify(['Cost centre', 'Flags']);

function SortHeader({ k, label, num, className, csvExtra }: { k: SortKey; label: string; num?: boolean; className?: string; csvExtra?: string }) {
  const sort = useLineView((s) => s.sort);
  const dir = useLineView((s) => s.dir);
  const setSort = useLineView((s) => s.setSort);
  return (
    <th scope="col" className={[num ? 'num' : '', className ?? ''].join(' ').trim() || undefined} aria-sort={sort === k ? dir : undefined} data-csv-extra={csvExtra}>
      <button type="button" className="sort-button" onClick={() => setSort(k)}>
        {label}
        <span aria-hidden="true">{sort === k ? (dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

const money = (p: Pence | null) => (p === null ? 'none' : formatPounds(p));

/** "29 March 2023" from an ISO time. */
const day = (iso: string) => formatDate(iso.slice(0, 10));

/** The line's commentary with who wrote it and when, and any month's commentary below it. */
function Commentary({ r, fy, period }: { r: LineRow; fy: number; period: number | null }) {
  const months = period === null ? r.monthComments : r.monthComments.filter((c) => c.period === period);
  return (
    <>
      {r.commentary && <span className="comment-text">{r.commentary}</span>}
      {r.commentBy && <span className="comment-by"> ({r.commentBy}, {day(r.commentAt!)})</span>}
      {months.map((c) => (
        <span key={c.period} className="comment-month">
          <strong>{monthLabel(monthOfPeriod(fy, c.period))}:</strong> {c.text} <span className="comment-by">({c.by}, {day(c.at)})</span>
        </span>
      ))}
    </>
  );
}

/** On a phone: the line (its block, a column narrow screens hide anyway, goes beside its name) and its over / (under) spend. */
const LINE_KEY_COLUMNS = [0, 1, 5];

export function BudgetLines() {
  const report = useReport();
  const y = useSelectedYear(report);
  const view = useLineView();
  const role = useWorkspace((s) => s.role);
  const readOnly = useReadOnly();
  // Finance officers write the commentary (issue 5); others read it.
  const canComment = role === 'finance' && !readOnly;
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!y) return <p>No data is loaded yet.</p>;
  const latest = y.latestPeriod ?? 0;
  const period = view.period !== null && view.period <= latest ? view.period : null;
  const rows = sortRows(lineRows(y.lines, { block: view.block, period, query: view.query }), view.sort, view.dir);
  const t = totals(rows);
  const final = y.latestPeriod === 12;
  const outturn = final ? 'Outturn' : 'Forecast outturn';
  const monthName = period === null ? null : monthLabel(monthOfPeriod(y.fy, period));
  // An empty commentary column would only squeeze the figures; say there is none instead.
  const hasCommentary = y.lines.some((l) => l.commentary || l.monthComments.length > 0);
  const showCommentary = hasCommentary;
  const editingRow = rows.find((r) => `${r.block}|${r.line}|${r.costCentre ?? ''}` === editing);
  const done = (key: string) => (message: string | null) => {
    setEditing(null);
    setNotice(message);
    requestAnimationFrame(() => document.getElementById(`comment-${key}`)?.focus());
  };
  const asAt = y.latestPeriod === null ? 'no actuals are loaded' : `actuals to period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))})`;
  return (
    <>
      <p className="view-intro">
        {y.label}, {asAt}. Variance is {outturn.toLowerCase()} less budget: overspends plain, underspends in brackets. Forecasts marked
        "officer" were given in the actuals file; the others are spend to date plus the rest of the budget.
      </p>
      <form className="filters" role="search" aria-label="Filter budget lines" onSubmit={(e) => e.preventDefault()}>
        <label>
          Block
          <select value={view.block ?? ''} onChange={(e) => view.setFilter({ block: e.target.value === '' ? null : (e.target.value as Block) })}>
            <option value="">All blocks</option>
            {BLOCKS.filter((b) => y.lines.some((l) => l.block === b)).map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          Month
          <select value={period ?? ''} onChange={(e) => view.setFilter({ period: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">Whole year to date</option>
            {Array.from({ length: latest }, (_, i) => i + 1).map((p) => (
              <option key={p} value={p}>{monthLabel(monthOfPeriod(y.fy, p))}</option>
            ))}
          </select>
        </label>
        <label>
          Search lines and commentary
          <input type="search" value={view.query} onChange={(e) => view.setFilter({ query: e.target.value })} />
        </label>
        {(view.block !== null || period !== null || view.query !== '') && (
          <button type="button" onClick={() => view.setFilter({ block: null, period: null, query: '' })}>Clear filters</button>
        )}
      </form>
      {!hasCommentary && <p className="count-note">No commentary is loaded for these lines.</p>}
      <p role="status" className="notice">{notice ?? ''}</p>
      {editingRow && (
        <CommentEditor key={editing} row={editingRow} fy={y.fy} latest={latest} period={period} onDone={done(editing!.replace(/[^A-Za-z0-9]+/g, '-'))} />
      )}
      <p role="status" className="count-note" data-testid="lines-count">
        Showing {formatCount(rows.length)} of {formatCount(y.lines.length)} budget lines
        {view.block ? ` in ${view.block}` : ''}
        {monthName ? `, with the in-month figures for ${monthName}` : ''}.
      </p>
      <TableWrap label="Budget lines table" keyColumns={LINE_KEY_COLUMNS}>
        <table className="lines-table" data-testid="lines-table">
          <caption>
            Budget lines, {y.label}{view.block ? `, ${view.block}` : ''}. Sort by choosing a column heading. Underspends in brackets.
          </caption>
          <thead>
            <tr>
              <SortHeader k="block" label="Block" className="col-block" />
              <SortHeader k="line" label="Budget line" csvExtra={CSV_EXTRA_HEADER} />
              <SortHeader k="budget" label="Budget" num />
              <SortHeader k="actualToDate" label="Actual to date" num />
              <SortHeader k="forecastOutturn" label={outturn} num />
              <SortHeader k="variance" label="Over / (under) spend" num />
              {monthName && (
                <>
                  <SortHeader k="monthBudget" label={`${monthName} budget`} num />
                  <SortHeader k="monthActual" label={`${monthName} actual`} num />
                  <SortHeader k="monthVariance" label={`${monthName} variance`} num />
                </>
              )}
              {showCommentary && <th scope="col">Commentary</th>}
              {canComment && <th scope="col" data-no-export=""><span className="visually-hidden">Write commentary</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="col-block">{r.block}</td>
                {/* The return pack's own columns, in the CSV only: on screen they are the tags beside the name. */}
                <th scope="row" data-csv-extra={JSON.stringify([r.costCentre ?? '', r.unbudgeted ? 'unbudgeted' : ''])}>
                  {r.line}
                  <span className="line-block"> ({r.block})</span>
                  {r.costCentre && <span className="tag" data-no-export="">{r.costCentre}</span>}
                  {r.unbudgeted && <span className="tag" data-no-export="">unbudgeted</span>}
                </th>
                <MoneyCell value={r.budget} />
                <MoneyCell value={r.actualToDate} />
                <td className="num" {...cellValue(r.forecastOutturn)}>
                  {formatPounds(r.forecastOutturn)}
                  {r.forecastGiven && !final && <span className="tag">officer</span>}
                </td>
                <MoneyCell value={r.variance} />
                {r.month && (
                  <>
                    <MoneyCell value={r.month.budget} />
                    <td className="num" {...cellValue(r.month.actual)}>{money(r.month.actual)}</td>
                    <MoneyCell value={r.month.variance} />
                  </>
                )}
                {showCommentary && <td className="commentary"><Commentary r={r} fy={y.fy} period={period} /></td>}
                {canComment && (
                  <td data-no-export="">
                    <button
                      type="button"
                      className="edit-button"
                      id={`comment-${`${r.block}|${r.line}|${r.costCentre ?? ''}`.replace(/[^A-Za-z0-9]+/g, '-')}`}
                      aria-label={`Write commentary on ${r.line} (${r.block})`}
                      onClick={() => { setNotice(null); setEditing(`${r.block}|${r.line}|${r.costCentre ?? ''}`); }}
                    >
                      Comment
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td className="col-block" />
              <th scope="row" data-csv-extra={JSON.stringify(['', ''])}>Total of the lines shown</th>
              <MoneyCell value={t.budget} />
              <MoneyCell value={t.actualToDate} />
              <MoneyCell value={t.forecastOutturn} />
              <MoneyCell value={t.variance} />
              {t.month && (
                <>
                  <MoneyCell value={t.month.budget} />
                  <MoneyCell value={t.month.actual} />
                  <MoneyCell value={t.month.variance} />
                </>
              )}
              {showCommentary && <td />}
              {canComment && <td data-no-export="" />}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}
