/** EHCP and demand: plans against target, monthly flows, requests for assessment and refusals, reconciliation warnings. */
import { ChartFigure } from '../../charts/ChartFigure';
import { FlowsChart, PlansChart, RsaChart } from './EhcpCharts';
import { monthKey, monthLabel, monthOfPeriod } from '../../model/calendar';
import { useReport, useSelectedYear } from '../../store/hooks';
import { countText, ehcpRows, ehcpWindow, flowsFinding, gapText, parseMonthKey, plansFinding, rsaFinding } from './shape';
import { PlacementsSection } from '../placements/PlacementsSection';
import { ProgressGrids } from './ProgressGrids';
import { AgeCessations } from './AgeCessations';
import { Tribunals } from './Tribunals';
import '../../charts/dashboard.css';

export function Ehcp() {
  const report = useReport();
  const y = useSelectedYear(report);
  if (report.ehcp.length === 0) {
    return (
      <>
        <p>No EHCP figures are loaded.</p>
        <ProgressGrids grids={report.progressGrids} />
        <AgeCessations rows={report.ageCessations} grids={report.progressGrids} />
        <Tribunals cases={report.cases} />
      </>
    );
  }
  const lastKey = report.ehcp[report.ehcp.length - 1]!.month;
  // The selected year and the one before, up to the as-at month when the year is part way through.
  const end = y ? monthKey(monthOfPeriod(y.fy, y.latestPeriod ?? 12)) : lastKey;
  const window = y ? ehcpWindow(y.fy, end) : { from: report.ehcp[0]!.month, to: lastKey };
  const rows = ehcpRows(report.ehcp, window);
  const plans = rows.filter((r) => r.plansAtEnd !== null || r.target !== null);
  const warnings = report.ehcp.filter((m) => m.month >= window.from && m.month <= window.to).flatMap((m) => m.warnings);
  const anyRefusals = rows.some((r) => r.rsaRefused !== null);
  const from = monthLabel(parseMonthKey(window.from));
  const to = monthLabel(parseMonthKey(window.to));
  return (
    <>
      <p className="view-intro">
        Education, Health and Care Plans (EHCPs) and requests for statutory assessment (RSAs), {from} to {to}. "Not given" marks
        figures the files do not hold.
      </p>
      {plans.length === 0 ? (
        <p data-testid="plans-none">{plansFinding(rows)}.</p>
      ) : (
        <ChartFigure
          testId="plans-chart"
          title={plansFinding(rows)}
          table={
            <table data-testid="plans-table">
              <caption>Plans in force at the end of each month against the target.</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">Plans at end of month</th>
                  <th scope="col" className="num">Target</th>
                  <th scope="col">Against target</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.month}</th>
                    <td className="num">{countText(r.plansAtEnd)}</td>
                    <td className="num">{countText(r.target)}</td>
                    <td>{r.gap === null ? 'no target' : gapText(r.gap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <PlansChart rows={plans} title={plansFinding(rows)} />
        </ChartFigure>
      )}
      <ChartFigure
        testId="flows-chart"
        title={flowsFinding(rows)}
        note="Began: new plans issued and transfers in. Ended: ceased, moved out, made inactive or deceased."
        table={
          <table data-testid="flows-table">
            <caption>Plans beginning and ending each month.</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">Began</th>
                <th scope="col" className="num">Ended</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.month}</th>
                  <td className="num">{countText(r.inflows)}</td>
                  <td className="num">{countText(r.outflows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <FlowsChart rows={rows} title={flowsFinding(rows)} />
      </ChartFigure>
      <ChartFigure
        testId="rsa-chart"
        title={rsaFinding(rows)}
        keyColumns={[0, 1, -1]}
        note={anyRefusals ? 'The refusal rate is refused ÷ received for the month.' : 'No refusal figures are loaded, so no refusal rate can be shown.'}
        table={
          <table data-testid="rsa-table">
            <caption>Requests for statutory assessment received against the target, and refusals.</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">Received</th>
                <th scope="col" className="num">Target</th>
                <th scope="col" className="num">Refused</th>
                <th scope="col" className="num">Refusal rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.month}</th>
                  <td className="num">{countText(r.rsaReceived)}</td>
                  <td className="num">{countText(r.rsaTarget)}</td>
                  <td className="num">{countText(r.rsaRefused)}</td>
                  <td className="num">{r.refusalRate ?? 'not given'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <RsaChart rows={rows} title={rsaFinding(rows)} />
      </ChartFigure>
      <section aria-labelledby="ehcp-warnings">
        <h2 id="ehcp-warnings">Reconciliation</h2>
        {warnings.length === 0 ? (
          <p data-testid="ehcp-warnings">
            No reconciliation warnings: where the files give them, each month's plans at start, flows and plans at end agree.
          </p>
        ) : (
          <ul className="warnings" data-testid="ehcp-warnings">
            {warnings.map((w) => (
              <li key={w}>Warning: {w}</li>
            ))}
          </ul>
        )}
      </section>
      <ProgressGrids grids={report.progressGrids} />
      <AgeCessations rows={report.ageCessations} grids={report.progressGrids} />
      <Tribunals cases={report.cases} />
      <PlacementsSection />
    </>
  );
}
