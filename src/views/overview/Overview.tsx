/** The headline figures (SPEC section 7) and the status, in figures and in words. */
import type { YearFigures } from '../../domain/calculate';
import { monthLabel, monthOfPeriod } from '../../domain/calendar';
import { describeDeficit, describeVariance, formatCompact, formatCount, formatPercent, formatPounds } from '../../domain/format';
import type { Pence } from '../../domain/money';
import { summarySentence } from '../../domain/report';
import { useReport, useSelectedYear } from '../../store/workspace';
import { StatusBadge } from '../shared/StatusBadge';

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
      <Figure testId="budget" label="Total budget" value={formatPounds(y.budget)} detail={formatCompact(y.budget)} />
      {y.forecastOutturn !== null && y.variance !== null && (
        <Figure
          testId="forecast-outturn"
          label={y.latestPeriod === 12 ? 'Outturn' : 'Forecast outturn'}
          value={formatPounds(y.forecastOutturn)}
          detail={describeVariance(y.variance)}
        />
      )}
      <Figure testId="income" label="DSG income" value={formatPounds(y.income)} />
      {y.inYearDeficit !== null && (
        <Figure
          testId="in-year-deficit"
          label={y.inYearDeficit < 0 ? 'In-year surplus' : 'In-year deficit'}
          value={formatPounds(y.inYearDeficit)}
          detail={`${describeDeficit(y.inYearDeficit)} (${formatCompact(y.inYearDeficit)})${y.surplusRequired ? '; the agreement requires a surplus this year' : ''}`}
        />
      )}
      {y.cumulativeDeficitGross !== null && (
        <Figure
          testId="cumulative-gross"
          label="Cumulative deficit (gross, before DfE contributions)"
          value={formatPounds(y.cumulativeDeficitGross)}
          detail={formatCompact(y.cumulativeDeficitGross)}
        />
      )}
      {y.agreementProfile !== null && <Figure testId="profile" label="Agreed deficit profile" value={formatPounds(y.agreementProfile)} />}
      {e !== null && (
        <Figure
          testId="excess"
          label={e > 0 ? 'Excess over the profile' : 'Headroom within the profile'}
          value={formatPounds(Math.abs(e) as Pence)}
          detail={`${y.varianceToProfilePercent ? formatPercent(y.varianceToProfilePercent.abs()) : ''} ${e > 0 ? 'above' : 'below'} the profile`}
        />
      )}
      {y.dfeContributionsToDate !== null && (
        <Figure testId="contributions" label="DfE contributions to date" value={formatPounds(y.dfeContributionsToDate)} />
      )}
      {y.cumulativeDeficitNet !== null && y.cumulativeDeficitGross !== null && (
        <Figure testId="cumulative-net" label="Net cumulative deficit (after DfE contributions)" value={formatPounds(y.cumulativeDeficitNet)} />
      )}
    </dl>
  );
}

export function Overview() {
  const report = useReport();
  const y = useSelectedYear(report);
  if (!y) return <p>No data is loaded yet.</p>;
  const latestEhcp = [...report.ehcp].reverse().find((m) => m.plansAtEnd !== null);
  return (
    <>
      <section aria-labelledby="status-heading" className="status-panel">
        <h2 id="status-heading">
          {y.label}
          {y.latestPeriod !== null && `, as at period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))})`}
        </h2>
        <StatusBadge status={y.status} />
        <p data-testid="status-reason">{y.statusReason}</p>
        {y.latestPeriod !== null && <p data-testid="summary">{summarySentence(y)}</p>}
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Headline figures</h2>
        <Headlines y={y} />
      </section>
      {y.blocks.length > 0 && y.latestPeriod !== null && (
        <section aria-labelledby="blocks-heading">
          <h2 id="blocks-heading">By block</h2>
          <div className="table-wrap">
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
                    <td className="num">{formatPounds(b.budget)}</td>
                    <td className="num">{formatPounds(b.forecastOutturn)}</td>
                    <td className="num">{formatPounds(b.variance)}</td>
                    <td className="num">{formatPounds(b.income)}</td>
                    <td className="num">{formatPounds(b.inYearDeficit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {latestEhcp && (
        <section aria-labelledby="ehcp-heading">
          <h2 id="ehcp-heading">EHCPs</h2>
          <p data-testid="ehcp-summary">
            {formatCount(latestEhcp.plansAtEnd!)} plans at the end of{' '}
            {monthLabel({ year: Number(latestEhcp.month.slice(0, 4)), month: Number(latestEhcp.month.slice(5)) })}
            {latestEhcp.target !== null &&
              `, against a target of ${formatCount(latestEhcp.target)}: ${
                latestEhcp.gapToTarget === 0 ? 'on target' : `${formatCount(Math.abs(latestEhcp.gapToTarget!))} ${latestEhcp.gapToTarget! > 0 ? 'above' : 'below'} target`
              }`}
            .
          </p>
        </section>
      )}
    </>
  );
}
