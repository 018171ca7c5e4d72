/**
 * The schools forum report: a print-ready page holding what the real forum paper holds, generated.
 * "Print or save as PDF" uses the browser's own print; the print stylesheet numbers the pages and
 * keeps tables and charts whole.
 */
import { ChartFigure } from '../../charts/ChartFigure';
import { TrajectoryChart } from '../../charts/TrajectoryChart';
import { VarianceChart } from '../../charts/VarianceChart';
import { BLOCKS } from '../../domain/blocks';
import { monthLabel, monthOfPeriod } from '../../domain/calendar';
import { agreementPosition, ehcpMonthsOfYear, outturnTable, positionRows, reportTitle } from '../../domain/forumReport';
import { formatCompact, formatCount, formatPercent, formatPounds } from '../../domain/format';
import type { Pence } from '../../domain/money';
import { summarySentence } from '../../domain/report';
import { useReport, useSelectedYear } from '../../store/workspace';
import { useReadOnly } from '../../app/readOnly';
import { StatusBadge } from '../shared/StatusBadge';
import { ScrollBox } from '../shared/TableWrap';
import { SnapshotButton } from './SnapshotButton';
import { trajectoryFinding, trajectoryRows } from '../trajectory/shape';
import { blocksWithMonths, varianceFinding, varianceMonthRows } from '../variance/shape';
import '../../charts/dashboard.css';
import './report.css';
import { NationalReportSection } from '../national/NationalReportSection';

const m = (p: Pence | null) => (p === null ? '–' : formatCompact(p));
const n = (x: number | null) => (x === null ? '–' : formatCount(x));
const monthName = (key: string) => monthLabel({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });

export function ForumReport() {
  const report = useReport();
  const y = useSelectedYear(report);
  const readOnly = useReadOnly();
  if (!y) return <p>No data is loaded yet.</p>;
  if (y.latestPeriod === null) return <p>No actuals are loaded for {y.label}, so there is no report to print. Choose a year with actuals.</p>;
  const table = outturnTable(y);
  const ehcp = ehcpMonthsOfYear(report, y.fy);
  const produced = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const asAt = `As at period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))}), financial year ${y.label}`;
  const blocks = blocksWithMonths(y).filter((b) => BLOCKS.includes(b));
  return (
    <article className="forum-report" data-testid="forum-report">
      <div className="no-print report-actions">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <p>Choose "Save as PDF" as the printer to make a PDF for the forum papers.</p>
        {!readOnly && <SnapshotButton year={y} />}
      </div>
      <header className="report-head">
        <p className="report-kicker">Schools Forum</p>
        <h2 className="report-title">{reportTitle(y)}</h2>
        <p data-testid="report-as-at">
          {asAt}. Produced on {produced}.
        </p>
      </header>

      <section aria-labelledby="rep-summary" className="report-section">
        <h3 id="rep-summary">Summary</h3>
        <StatusBadge status={y.status} />
        <p>{summarySentence(y)}</p>
        <p>{y.statusReason}</p>
      </section>

      <section aria-labelledby="rep-outturn" className="report-section">
        <h3 id="rep-outturn">{table.outturnLabel === 'Final actuals' ? 'Outturn position' : 'Forecast outturn position'} {y.label}</h3>
        <p>
          Dedicated Schools Grant funded activities {y.latestPeriod === 12 ? 'overspent' : 'are forecast to overspend'} by{' '}
          {formatCompact(table.varianceTotal, { digits: 3 })} against the DSG income, including the deficit the budget was set with.
        </p>
        <ScrollBox label="Outturn position by budget heading">
          <table className="report-table" data-testid="report-outturn">
            <caption>Budget, {table.outturnLabel.toLowerCase()} and over / (under) spend by budget heading. Underspends in brackets.</caption>
            <thead>
              <tr>
                <th scope="col">Budget heading</th>
                <th scope="col">Block</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">{table.outturnLabel}</th>
                <th scope="col" className="num">Over / (under) spend</th>
                <th scope="col">Commentary</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={`${r.block}|${r.heading}`}>
                  <th scope="row">{r.heading}</th>
                  <td>{r.block}</td>
                  <td className="num">{m(r.budget)}</td>
                  <td className="num">{m(r.outturn)}</td>
                  <td className="num">{m(r.variance)}</td>
                  <td>
                    {r.commentary ?? ''}
                    {r.commentBy && <span className="comment-by"> ({r.commentBy}, {r.commentAt!.slice(8, 10)}/{r.commentAt!.slice(5, 7)}/{r.commentAt!.slice(0, 4)})</span>}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{table.plannedDeficitLabel}</th>
                <td />
                <td className="num">{m(-table.plannedDeficit as Pence)}</td>
                <td className="num" />
                <td className="num">{m(table.plannedDeficit)}</td>
                <td>The budget was set above the DSG income by this amount.</td>
              </tr>
            </tbody>
            <tfoot>
              <tr data-testid="report-outturn-total">
                <th scope="row">{table.totalLabel}</th>
                <td />
                <td className="num">{m(table.budgetTotal)}</td>
                <td className="num">{m(table.outturnTotal)}</td>
                <td className="num">{m(table.varianceTotal)}</td>
                <td>In-year deficit: {formatPounds(table.varianceTotal)}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="rep-position" className="report-section">
        <h3 id="rep-position">In-year and cumulative position</h3>
        <ScrollBox label="DSG position">
          <table className="report-table narrow" data-testid="report-position">
            <caption>The DSG deficit, {y.label}. Brackets mean a surplus or headroom.</caption>
            <tbody>
              {positionRows(y).map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{m(r.value)}</td>
                  <td className="num">{r.value === null ? '' : formatPounds(r.value)}</td>
                </tr>
              ))}
              {y.varianceToProfilePercent && (
                <tr>
                  <th scope="row">Over / (under) the profile as a share of it</th>
                  <td className="num">{formatPercent(y.varianceToProfilePercent)}</td>
                  <td />
                </tr>
              )}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="rep-agreement" className="report-section">
        <h3 id="rep-agreement">The Safety Valve agreement against the actual position</h3>
        <ScrollBox label="Position against the agreement">
          <table className="report-table" data-testid="report-agreement">
            <caption>The agreed deficit profile and DfE contributions by year, against the cumulative deficit where actuals are held.</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" className="num">Agreed profile</th>
                <th scope="col" className="num">DfE contribution</th>
                <th scope="col">In-year surplus required</th>
                <th scope="col" className="num">Cumulative deficit (gross)</th>
                <th scope="col" className="num">Net of contributions</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {agreementPosition(report).map((r) => (
                <tr key={r.label}>
                  <th scope="row" className="nowrap">{r.label}</th>
                  <td className="num">{m(r.profile)}</td>
                  <td className="num">{m(r.contribution)}</td>
                  <td>{r.surplusRequired ? 'Yes' : 'No'}</td>
                  <td className="num">{m(r.gross)}</td>
                  <td className="num">{m(r.net)}</td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="rep-charts" className="report-section report-charts">
        <h3 id="rep-charts">Charts</h3>
        <ChartFigure testId="report-trajectory" title={trajectoryFinding(y)} table={<p>The table above gives the same figures by year.</p>}>
          <TrajectoryChart rows={trajectoryRows(report)} title={trajectoryFinding(y)} />
        </ChartFigure>
        <ChartFigure testId="report-variance" title={varianceFinding(y)} table={<p>The variance view gives these figures by block and month.</p>}>
          <VarianceChart rows={varianceMonthRows(y)} blocks={blocks} title={varianceFinding(y)} />
        </ChartFigure>
      </section>

      {ehcp.length > 0 && (
        <section aria-labelledby="rep-ehcp" className="report-section">
          <h3 id="rep-ehcp">Education, Health and Care Plans</h3>
          <ScrollBox label="EHCPs by month">
            <table className="report-table" data-testid="report-ehcp">
              <caption>EHCPs by month, {y.label}, against the target in force.</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">Start of month</th>
                  <th scope="col" className="num">New plans</th>
                  <th scope="col" className="num">Transfers in</th>
                  <th scope="col" className="num">Ceased</th>
                  <th scope="col" className="num">Moved out</th>
                  <th scope="col" className="num">Inactive or deceased</th>
                  <th scope="col" className="num">All plans ended</th>
                  <th scope="col" className="num">End of month</th>
                  <th scope="col" className="num">Target</th>
                  <th scope="col" className="num">Above / (below) target</th>
                </tr>
              </thead>
              <tbody>
                {ehcp.map((e) => (
                  <tr key={e.month}>
                    <th scope="row">{monthName(e.month)}</th>
                    <td className="num">{n(e.plansAtStart)}</td>
                    <td className="num">{n(e.newPlans)}</td>
                    <td className="num">{n(e.transfersIn)}</td>
                    <td className="num">{n(e.ceased)}</td>
                    <td className="num">{n(e.movedOut)}</td>
                    <td className="num">{n(e.inactive)}</td>
                    <td className="num">{n(e.outflows)}</td>
                    <td className="num">{n(e.plansAtEnd)}</td>
                    <td className="num">{n(e.target)}</td>
                    <td className="num">{e.gapToTarget === null ? '–' : e.gapToTarget < 0 ? `(${formatCount(-e.gapToTarget)})` : formatCount(e.gapToTarget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <ScrollBox label="Requests for assessment by month">
            <table className="report-table" data-testid="report-rsa">
              <caption>Requests for statutory assessment (RSAs) by month, {y.label}, against the target in force.</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">RSAs received</th>
                  <th scope="col" className="num">Target</th>
                  <th scope="col" className="num">RSAs refused</th>
                  <th scope="col" className="num">Refusal rate</th>
                </tr>
              </thead>
              <tbody>
                {ehcp.map((e) => (
                  <tr key={e.month}>
                    <th scope="row">{monthName(e.month)}</th>
                    <td className="num">{n(e.rsaReceived)}</td>
                    <td className="num">{n(e.rsaTarget)}</td>
                    <td className="num">{n(e.rsaRefused)}</td>
                    <td className="num">{e.rsaRefusalRate ? formatPercent(e.rsaRefusalRate, 1) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}
      <NationalReportSection />
      <p className="report-foot">
        {asAt}. Produced on {produced} by the DSG Safety Valve monitor. Figures are exact to the penny and shown rounded; underspends,
        surpluses and headroom are in brackets.
      </p>
    </article>
  );
}
