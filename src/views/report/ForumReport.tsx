/**
 * The schools forum report: a print-ready page holding what the real forum paper holds, generated.
 * "Print or save as PDF" uses the browser's own print; the print stylesheet numbers the pages and
 * keeps tables and charts whole.
 */
import { ChartFigure } from '../../charts/ChartFigure';
import { TrajectoryChart } from '../trajectory/TrajectoryChart';
import { VarianceChart } from '../variance/VarianceChart';
import { BLOCKS } from '../../model/blocks';
import { statusReasonIn } from '../../domain/calculate';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { ProgressGrids } from '../ehcp/ProgressGrids';
import { AgeCessations } from '../ehcp/AgeCessations';
import { Tribunals } from '../ehcp/Tribunals';
import { adjustmentTables, agreementPosition, ehcpMonthsOfYear, narrativeSections, outturnTable, positionRows, reportTitle, type AdjustmentTable } from '../../domain/forumReport';
import { formatCount, formatDate, formatPaperMoney, formatPercent, formatPounds, formatToday } from '../../domain/format';
import { atRiskText, countedText, instalmentPosition } from '../../domain/instalments';
import { neg, type Pence, sub } from '../../model/money';
import { authorityName } from '../../domain/settings';
import { useReport, useSelectedYear, useWorkspace } from '../../store/hooks';
import { useReadOnly } from '../../ui/readOnly';
import { StatusBadge } from '../shared/StatusBadge';
import { ScrollBox } from '../../ui/TableWrap';
import { SnapshotButton } from './SnapshotButton';
import { Narrative } from './Narrative';
import { trajectoryFinding, trajectoryRows } from '../trajectory/shape';
import { blocksWithMonths, varianceFinding, varianceMonthRows } from '../variance/shape';
import '../../charts/dashboard.css';
import './report.css';
import { NationalReportSection } from '../national/NationalReportSection';

/** The paper's money: £m to 3 decimals, £k below a million (docs/formats.md). */
const m = (p: Pence | null) => (p === null ? '–' : formatPaperMoney(p));
/** A budget of nothing is left blank, as the paper leaves it, not printed as "£0". */
const budgetCell = (p: Pence) => (p === 0 ? '' : formatPaperMoney(p));
/** The funding tables' whole pounds without the £ sign (the column says £), negatives in brackets. */
const pounds = (p: Pence | null) => (p === null ? '–' : formatPounds(p).replace('£', ''));
const EMPTY: never[] = [];

function AdjustmentFunding({ t }: { t: AdjustmentTable }) {
  const cols = t.previousLabel ? [t.previousLabel, t.currentLabel, 'Increase / (decrease)'] : [t.currentLabel];
  const row = (label: string, prev: Pence | null, cur: Pence | null, bold = false) => {
    const cells = t.previousLabel ? [prev, cur, prev !== null && cur !== null ? sub(cur, prev) : null] : [cur];
    const Cell = bold ? 'strong' : 'span';
    return (
      <tr key={label}>
        <th scope="row">{bold ? <strong>{label}</strong> : label}</th>
        {cells.map((c, i) => <td key={i} className="num"><Cell>{pounds(c)}</Cell></td>)}
      </tr>
    );
  };
  return (
    <ScrollBox label={`${t.line}: funding and in-year adjustments`}>
      <table className="report-table funding" data-testid="report-adjustments">
        <caption>
          {t.toDate === null
            ? `${t.line}: the budget, the in-year adjustments by month and their total against the budget, £`
            : `${t.line}: the budget, the in-year adjustments by month and their total to date (${t.toDate}${t.previousLabel ? ', the year before over the same months' : ''}), and the forecast outturn against the budget, £`}
          {t.previousLabel ? `, ${t.previousLabel} and ${t.currentLabel}` : `, ${t.currentLabel}`}.
        </caption>
        <thead>
          <tr>
            <th scope="col">£</th>
            {cols.map((c) => <th key={c} scope="col" className="num">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {row('Budget (contingency)', t.budgetPrevious, t.budgetCurrent)}
          {t.months.map((mo) => row(mo.month, mo.previous, mo.current))}
          {t.toDate === null ? (
            <>
              {row('Total: in-year adjustments', t.totalPrevious, t.totalCurrent, true)}
              {row('Over / (under) spend against the budget', t.overPrevious, t.overCurrent, true)}
            </>
          ) : (
            // Mid-year the total so far is not set against the whole year's budget: the forecast outturn is.
            <>
              {row(`Total to date: in-year adjustments, ${t.toDate}`, t.totalPrevious, t.totalCurrent, true)}
              {row('Forecast outturn for the year', t.outturnPrevious, t.outturnCurrent)}
              {row('Over / (under) spend: forecast outturn against the budget', t.overPrevious, t.overCurrent, true)}
            </>
          )}
        </tbody>
      </table>
    </ScrollBox>
  );
}
const n = (x: number | null) => (x === null ? '–' : formatCount(x));
const monthName = (key: string) => monthLabel({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });

export function ForumReport() {
  const report = useReport();
  const y = useSelectedYear(report);
  const readOnly = useReadOnly();
  const settings = useWorkspace((st) => st.settings);
  const source = useWorkspace((st) => st.source);
  const narratives = useWorkspace((st) => st.dataset.narratives) ?? EMPTY;
  const instalments = useWorkspace((st) => st.dataset.instalments) ?? EMPTY;
  if (!y) return <p>No data is loaded yet.</p>;
  if (y.latestPeriod === null) return <p>No actuals are loaded for {y.label}, so there is no report to print. Choose a year with actuals.</p>;
  const table = outturnTable(y);
  const ehcp = ehcpMonthsOfYear(report, y.fy);
  const produced = formatToday();
  const council = authorityName(settings) ?? (source === 'example' ? 'Torbay Council (LA 880, example data)' : null);
  const words = narrativeSections(y, narratives);
  const adjustments = adjustmentTables(report, y);
  const dfe = y.dfeContributionsToDate === null ? null : instalmentPosition(report, instalments, y);
  const asAt = `As at period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))}), financial year ${y.label}`;
  const blocks = blocksWithMonths(y).filter((b) => BLOCKS.includes(b));
  const hasCommentary = table.rows.some((r) => r.commentary);
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
        <p className="report-kicker">{council ? `${council}: ` : ''}Schools Forum</p>
        <h2 className="report-title" data-testid="report-title">{reportTitle(y, council)}</h2>
        <p data-testid="report-as-at">
          {asAt}. Produced on {produced}.
        </p>
      </header>

      <section aria-labelledby="rep-summary" className="report-section">
        <h3 id="rep-summary">Summary</h3>
        <StatusBadge status={y.status} />
        <p>{statusReasonIn(y, report.settings.tolerance, formatPaperMoney)}</p>
      </section>

      <section aria-labelledby="rep-outturn" className="report-section">
        <h3 id="rep-outturn">{table.outturnLabel === 'Final actuals' ? 'Outturn position' : 'Forecast outturn position'} {y.label}</h3>
        <Narrative fy={y.fy} label={y.label} s={words.position} level={4} />
        <p className="keep-with-next">The following table details the main areas of both over and under spend, in the order of the council's budget.</p>
        <ScrollBox label="Outturn position by budget heading">
          <table className="report-table" data-testid="report-outturn">
            <caption>Budget, {table.outturnLabel.toLowerCase()} and over / (under) spend by budget heading. Underspends in brackets; a blank budget is a line with none set.</caption>
            <thead>
              <tr>
                <th scope="col">Budget heading</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">{table.outturnLabel}</th>
                <th scope="col" className="num">Over / (under) spend</th>
                {hasCommentary && <th scope="col">Commentary</th>}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={`${r.block}|${r.heading}`}>
                  <th scope="row">{r.heading}</th>
                  <td className="num">{budgetCell(r.budget)}</td>
                  <td className="num">{r.budget === 0 && r.outturn === 0 ? '' : m(r.outturn)}</td>
                  <td className="num">{m(r.variance)}</td>
                  {hasCommentary && (
                    <td>
                      {r.commentary ?? ''}
                      {r.commentBy && <span className="comment-by"> ({r.commentBy}, {formatDate(r.commentAt!)})</span>}
                    </td>
                  )}
                </tr>
              ))}
              {/* A budget set equal to the income has no planned deficit to add: no "£0" row (the note below says so). */}
              {table.plannedDeficit !== 0 && (
                <tr>
                  <th scope="row">{table.plannedDeficitLabel}</th>
                  <td className="num">{m(neg(table.plannedDeficit))}</td>
                  <td className="num" />
                  <td className="num">{m(table.plannedDeficit)}</td>
                  {hasCommentary && <td>{table.plannedDeficitNote}</td>}
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr data-testid="report-outturn-total">
                <th scope="row">{table.totalLabel}</th>
                <td className="num">{m(table.budgetTotal)}</td>
                <td className="num">{m(table.outturnTotal)}</td>
                <td className="num">{m(table.varianceTotal)}</td>
                {hasCommentary && <td>The in-year {table.varianceTotal < 0 ? 'surplus' : 'deficit'}: spend against the DSG income.</td>}
              </tr>
            </tfoot>
          </table>
        </ScrollBox>
        <p data-testid="report-planned-note">
          {table.plannedDeficitNote} The total is the in-year {table.varianceTotal < 0 ? 'surplus' : 'deficit'}: the over / (under) spend
          against budget plus the planned {table.plannedDeficit < 0 ? 'surplus' : 'deficit'}.
        </p>
      </section>

      {words.blocks.length > 0 && (
        <section aria-labelledby="rep-blocks" className="report-section">
          <h3 id="rep-blocks">The blocks</h3>
          {words.blocks.map((b) => (
            <div key={b.section}>
              <Narrative fy={y.fy} label={y.label} s={b} level={4} />
              {adjustments.filter((t) => t.block === b.section).map((t) => (
                <AdjustmentFunding key={t.line} t={t} />
              ))}
            </div>
          ))}
        </section>
      )}

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
                </tr>
              ))}
              {y.varianceToProfilePercent && (
                <tr>
                  <th scope="row">Over / (under) the profile as a share of it</th>
                  <td className="num">{formatPercent(y.varianceToProfilePercent)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </ScrollBox>
        {dfe && (
          <p data-testid="report-contributions">
            DfE contributions counted to the end of {y.label}: {m(dfe.counted)} ({countedText(dfe, m)}). {atRiskText(dfe, m)}
          </p>
        )}
      </section>

      <section aria-labelledby="rep-agreement" className="report-section">
        <h3 id="rep-agreement">The Safety Valve agreement against the actual position</h3>
        <ScrollBox label="Position against the agreement" keyColumns={[0, 4, 6]}>
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
        <ChartFigure testId="report-trajectory" title={trajectoryFinding(y, formatPaperMoney)} table={<p>The table above gives the same figures by year.</p>}>
          <TrajectoryChart rows={trajectoryRows(report)} title={trajectoryFinding(y, formatPaperMoney)} />
        </ChartFigure>
        <ChartFigure testId="report-variance" title={varianceFinding(y, formatPaperMoney)} table={<p>The variance view gives these figures by block and month.</p>}>
          <VarianceChart rows={varianceMonthRows(y)} blocks={blocks} title={varianceFinding(y, formatPaperMoney)} />
        </ChartFigure>
      </section>

      {ehcp.length > 0 && (
        <section aria-labelledby="rep-ehcp" className="report-section">
          <h3 id="rep-ehcp">Education, Health and Care Plans</h3>
          <ScrollBox label="EHCPs by month" keyColumns={[0, -3, -1]}>
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
                    <td className="num">{e.gapToTarget === null ? '–' : formatCount(e.gapToTarget, { brackets: true })}</td>
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
      <ProgressGrids grids={report.progressGrids} fy={y.fy} inReport />
      <AgeCessations rows={report.ageCessations.filter((a) => a.asAt <= `${y.fy + 1}-03`)} grids={report.progressGrids} inReport />
      <Tribunals cases={report.cases.filter((c) => c.year <= y.fy + 1)} inReport />
      <div className="report-section">
        <Narrative fy={y.fy} label={y.label} s={words.recommendation} level={3} />
      </div>
      <NationalReportSection />
      <p className="report-foot">
        {asAt}. Produced on {produced} by the DSG Safety Valve monitor. Figures are exact to the penny and shown rounded; underspends,
        surpluses and headroom are in brackets.
      </p>
    </article>
  );
}
