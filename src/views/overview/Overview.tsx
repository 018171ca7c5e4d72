/**
 * The headline figures (SPEC section 7) and the status, in figures and in words. What comes first
 * depends on who is looking: the DCS sees compliance, a forum member the plain summary and the
 * deficit chart, a finance officer the figures and the blocks behind them.
 */
import { TableWrap } from '../../ui/TableWrap';
import type { ReactNode } from 'react';
import type { YearFigures } from '../../domain/calculate';
import { monthLabel } from '../../model/calendar';
import { describeVariance, formatCount, formatPercent, formatPounds } from '../../domain/format';
import { plannedDeficitText } from '../../domain/report';
import { abs } from '../../model/money';
import type { Report } from '../../domain/report';
import { ChartFigure } from '../../charts/ChartFigure';
import { LazyTrajectoryChart } from '../trajectory/LazyTrajectoryChart';
import { type Role } from '../../store/workspace';
import { useReport, useSelectedYear, useWorkspace } from '../../store/hooks';
import { contributionsAtStake } from '../agreement/shape';
import { trajectoryFinding, trajectoryRows } from '../trajectory/shape';
import { StatusSummary } from './StatusSummary';
import { InstalmentsSummary } from '../shared/InstalmentsSummary';
import { MoneyCell } from '../shared/MoneyCell';
import '../../charts/dashboard.css';

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail && <span className="figure-detail">{detail}</span>}
      </dd>
    </div>
  );
}

function Headlines({ y }: { y: YearFigures }) {
  const e = y.varianceToProfile;
  return (
    <dl className="figures">
      {(y.budget !== 0 || y.latestPeriod !== null) && <Figure testId="budget" label="Total budget" value={formatPounds(y.budget)} />}
      {y.forecastOutturn !== null && y.variance !== null && (
        <Figure
          testId="forecast-outturn"
          label={y.latestPeriod === 12 ? 'Outturn' : 'Forecast outturn'}
          value={formatPounds(y.forecastOutturn)}
          detail={`variance against budget: ${describeVariance(y.variance)}`}
        />
      )}
      {(y.income !== 0 || y.latestPeriod !== null) && <Figure testId="income" label="DSG income" value={formatPounds(y.income)} />}
      {y.inYearDeficit !== null && (
        <Figure
          testId="in-year-deficit"
          label={y.inYearDeficit < 0 ? 'In-year surplus (spend against DSG income)' : 'In-year deficit (spend against DSG income)'}
          value={formatPounds(abs(y.inYearDeficit))}
          detail={`${plannedDeficitText(y)}${y.surplusRequired ? '; the agreement requires an in-year surplus this year' : ''}`}
        />
      )}
      {y.cumulativeDeficitGross !== null && (
        <Figure
          testId="cumulative-gross"
          label="Cumulative deficit (gross, before DfE contributions)"
          value={formatPounds(y.cumulativeDeficitGross)}
        />
      )}
      {y.agreementProfile !== null && <Figure testId="profile" label="Agreed deficit profile" value={formatPounds(y.agreementProfile)} />}
      {e !== null && (
        <Figure
          testId="excess"
          label={e > 0 ? 'Excess over the profile' : 'Headroom within the profile'}
          value={formatPounds(abs(e))}
          detail={`${y.varianceToProfilePercent ? `${formatPercent(y.varianceToProfilePercent.abs())} ` : ''}${e > 0 ? 'above' : 'below'} the profile`}
        />
      )}
      {y.dfeContributionsToDate !== null && (
        <Figure testId="contributions" label="DfE contributions counted to date" value={formatPounds(y.dfeContributionsToDate)} detail="received, or agreed where no instalment is recorded" />
      )}
      {y.cumulativeDeficitNet !== null && y.cumulativeDeficitGross !== null && (
        <Figure testId="cumulative-net" label="Net cumulative deficit (after DfE contributions)" value={formatPounds(y.cumulativeDeficitNet)} />
      )}
    </dl>
  );
}

function BlocksTable({ y }: { y: YearFigures }) {
  if (y.blocks.length === 0 || y.latestPeriod === null) return null;
  return (
    <section aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">By block</h2>
      <TableWrap label="Figures by block" keyColumns={[0, 3, 5]}>
        <table data-testid="blocks-table">
          <caption>Budget, forecast outturn, variance and in-year deficit by block, {y.label}. Underspends and surpluses in brackets.</caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col" className="num">Budget</th>
              <th scope="col" className="num">Forecast outturn</th>
              <th scope="col" className="num">Over / (under) spend</th>
              <th scope="col" className="num">DSG income</th>
              <th scope="col" className="num">In-year deficit / (surplus)</th>
            </tr>
          </thead>
          <tbody>
            {y.blocks.map((b) => (
              <tr key={b.block}>
                <th scope="row">{b.block}</th>
                <MoneyCell value={b.budget} />
                <MoneyCell value={b.forecastOutturn} />
                <MoneyCell value={b.variance} />
                <MoneyCell value={b.income} />
                <MoneyCell value={b.inYearDeficit} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function EhcpSummary({ report }: { report: Report }) {
  const latest = [...report.ehcp].reverse().find((m) => m.plansAtEnd !== null);
  if (!latest) return null;
  return (
    <section aria-labelledby="ehcp-heading">
      <h2 id="ehcp-heading">EHCPs</h2>
      <p data-testid="ehcp-summary">
        {formatCount(latest.plansAtEnd!)} plans at the end of{' '}
        {monthLabel({ year: Number(latest.month.slice(0, 4)), month: Number(latest.month.slice(5)) })}
        {latest.target !== null &&
          `, against a target of ${formatCount(latest.target)}: ${
            latest.gapToTarget === 0 ? 'on target' : `${formatCount(Math.abs(latest.gapToTarget!))} ${latest.gapToTarget! > 0 ? 'above' : 'below'} target`
          }`}
        .
      </p>
    </section>
  );
}

function Contributions({ report, y }: { report: Report; y: YearFigures }) {
  const stake = contributionsAtStake(report, y.fy);
  if (y.dfeContributionsToDate === null) return null;
  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">DfE contributions</h2>
      <p data-testid="contributions-summary">
        The net deficit counts {formatPounds(y.dfeContributionsToDate)} of DfE contributions to the end of {y.label}
        {y.agreement ? ` (${formatPounds(y.agreement.contribution)} agreed for ${y.label} itself)` : ''}.
        {stake && ` A further ${formatPounds(stake.total)} agreed for ${stake.years.join(', ')} depends on the DfE judging progress satisfactory.`}
      </p>
      <InstalmentsSummary report={report} y={y} />
    </section>
  );
}

function TrajectoryPanel({ report, y }: { report: Report; y: YearFigures }) {
  const rows = trajectoryRows(report);
  const title = trajectoryFinding(y);
  return (
    <section aria-labelledby="trajectory-heading">
      <h2 id="trajectory-heading">The deficit against the agreement</h2>
      <ChartFigure
        testId="overview-trajectory"
        title={title}
        table={
          <table>
            <caption>Agreed profile and gross cumulative deficit by year. Dashes mark years without actuals.</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" className="num">Agreed profile</th>
                <th scope="col" className="num">Gross cumulative deficit</th>
                <th scope="col" className="num">Net after DfE contributions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.fy}>
                  <th scope="row">{r.label}</th>
                  <MoneyCell value={r.profile} />
                  <MoneyCell value={r.gross} />
                  <MoneyCell value={r.net} />
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <LazyTrajectoryChart rows={rows} title={title} />
      </ChartFigure>
    </section>
  );
}

function FiguresSection({ y }: { y: YearFigures }) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Headline figures</h2>
      <Headlines y={y} />
    </section>
  );
}

/** Section order by role: what each reader needs first comes first. */
const ORDER: Record<Role, string[]> = {
  dcs: ['status', 'figures', 'contributions', 'ehcp', 'blocks'],
  forum: ['status', 'trajectory', 'blocks', 'figures', 'ehcp'],
  finance: ['figures', 'blocks', 'status', 'contributions', 'ehcp'],
};

export function Overview() {
  const report = useReport();
  const y = useSelectedYear(report);
  const role = useWorkspace((s) => s.role);
  if (!y) return <p>No data is loaded yet.</p>;
  const sections: Record<string, ReactNode> = {
    status: <StatusSummary y={y} summaryFirst={role === 'forum'} />,
    figures: <FiguresSection y={y} />,
    blocks: <BlocksTable y={y} />,
    ehcp: <EhcpSummary report={report} />,
    contributions: <Contributions report={report} y={y} />,
    trajectory: <TrajectoryPanel report={report} y={y} />,
  };
  return (
    <>
      {ORDER[role].map((k) => (
        <div key={k}>{sections[k]}</div>
      ))}
      {role === 'finance' && (
        <p>
          <a href="#/lines">See every budget line</a> or <a href="#/variance">the variance by block and month</a>.
        </p>
      )}
    </>
  );
}
