/** Agreement: the Safety Valve agreement's years, profile, contributions and surplus requirements, with progress against each. */
import { Fragment } from 'react';
import { cellValue } from '../shared/cellValue';
import { TableWrap } from '../../ui/TableWrap';
import { StatusBadge } from '../shared/StatusBadge';
import { InstalmentsSummary } from '../shared/InstalmentsSummary';
import { formatPounds } from '../../domain/format';
import type { Pence } from '../../model/money';
import { useReport, useSelectedYear } from '../../store/hooks';
import { agreementRows, contributionsAtStake } from './shape';
import { MoneyCell } from '../shared/MoneyCell';
import '../../charts/dashboard.css';

const money = (p: Pence | null) => (p === null ? '–' : formatPounds(p));

export function Agreement() {
  const report = useReport();
  const y = useSelectedYear(report);
  const rows = agreementRows(report);
  if (rows.length === 0) return <p>No Safety Valve agreement is loaded.</p>;
  const stake = y ? contributionsAtStake(report, y.fy) : null;
  return (
    <>
      <p className="view-intro">
        Under the Safety Valve agreement the council keeps its gross cumulative DSG deficit (before DfE contributions) at or below the
        agreed profile at each year end, and reaches an in-year surplus in the years marked. The DfE pays its contributions in
        instalments, each subject to satisfactory progress.
      </p>
      {stake && (
        <p className="lede" data-testid="at-stake">
          Still to come, subject to progress: DfE contributions of {formatPounds(stake.total)} for{' '}
          {stake.years.map((label, i) => (
            <Fragment key={label}>
              <span className="nowrap">{label}</span>
              {i < stake.years.length - 1 ? ', ' : ''}
            </Fragment>
          ))}
          .
        </p>
      )}
      {y && y.cumulativeDeficitNet !== null && (
        <p data-testid="agreement-net">
          Net cumulative deficit for {y.label}, after the DfE contributions counted (received, or agreed where no instalment is recorded) and other contributions:{' '}
          <strong>{formatPounds(y.cumulativeDeficitNet)}</strong>.
        </p>
      )}
      {y && (
        <section aria-labelledby="instalments-heading">
          <h2 id="instalments-heading">DfE instalments</h2>
          <InstalmentsSummary report={report} y={y} />
        </section>
      )}
      {y?.originalProfile !== null && y?.originalProfile !== undefined && (
        <p data-testid="agreement-revised">The agreement has been revised: the profile in force is shown; the original is on the Trajectory view.</p>
      )}
      <TableWrap label="The agreement by year" keyColumns={[0, 1, -1]}>
        <table data-testid="agreement-table" className="agreement-table">
          <caption>The agreement by year, with the position where actuals are loaded. Headroom in brackets; dashes mark years without actuals.</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Deficit profile</th>
              <th scope="col" className="num">DfE contribution</th>
              <th scope="col" className="num">DfE to date</th>
              <th scope="col">Surplus required</th>
              <th scope="col" className="num">Gross deficit</th>
              <th scope="col" className="num">Excess / (headroom)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.fy} className={y?.fy === r.fy ? 'current-row' : undefined}>
                <th scope="row">
                  {r.label}
                  {y?.fy === r.fy && <span className="visually-hidden"> (the year being viewed)</span>}
                </th>
                <td>
                  <StatusBadge status={r.status} compact />
                </td>
                <MoneyCell value={r.profile} />
                <MoneyCell value={r.contribution} />
                <MoneyCell value={r.contributionsToDate} />
                <td>{r.surplusRequired ? 'Yes' : 'No'}</td>
                <td className="num" {...cellValue(r.gross)}>
                  {money(r.gross)}
                  {r.gross !== null && r.latestPeriod !== 12 && <> <span className="tag">forecast</span></>}
                </td>
                <td className="num" {...cellValue(r.excess)}>
                  {money(r.excess)}
                  {r.percent && <span className="pct"> ({r.percent})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
