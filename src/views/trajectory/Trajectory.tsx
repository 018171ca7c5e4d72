/** Trajectory: the deficit across all agreement years, and the selected year's waterfall. */
import { ChartFigure } from '../../charts/ChartFigure';
import { TrajectoryChart } from './TrajectoryChart';
import { WaterfallChart } from './WaterfallChart';
import { useReport, useSelectedYear } from '../../store/hooks';
import { grossKindText, trajectoryFinding, trajectoryRows, waterfallFinding, waterfallSteps } from './shape';
import { MoneyCell } from '../shared/MoneyCell';
import '../../charts/dashboard.css';


export function Trajectory() {
  const report = useReport();
  const y = useSelectedYear(report);
  const rows = trajectoryRows(report);
  const steps = waterfallSteps(y);
  const title = trajectoryFinding(y);
  const revised = rows.some((r) => r.originalProfile !== null);
  return (
    <>
      <p className="view-intro">
        The gross cumulative deficit is counted before DfE Safety Valve contributions and compared with the agreed profile at each
        year end. Years marked "surplus due" are those in which the agreement requires an in-year surplus.
      </p>
      <ChartFigure
        testId="trajectory-chart"
        title={title}
        keyColumns={revised ? [0, 1, 3] : [0, 1, 2]}
        table={
          <table>
            <caption>Deficit trajectory by year: agreed profile, gross and net cumulative deficit, DfE contributions. Dashes mark years without actuals.</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" className="num">{revised ? 'Agreed profile (revised, in force)' : 'Agreed profile'}</th>
                {revised && <th scope="col" className="num">Original profile</th>}
                <th scope="col" className="num">Gross cumulative deficit</th>
                <th scope="col">Basis</th>
                <th scope="col" className="num">Net after DfE contributions</th>
                <th scope="col" className="num">DfE contribution for the year</th>
                <th scope="col">In-year surplus required</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.fy}>
                  <th scope="row" className="nowrap">{r.label}</th>
                  <MoneyCell value={r.profile} />
                  {revised && <MoneyCell value={r.originalProfile} />}
                  <MoneyCell value={r.gross} />
                  <td className="nowrap">{grossKindText(r)}</td>
                  <MoneyCell value={r.net} />
                  <MoneyCell value={r.contribution} />
                  <td>{r.surplusRequired ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <TrajectoryChart rows={rows} title={title} />
      </ChartFigure>
      {y && steps ? (
        <ChartFigure
          testId="waterfall-chart"
          title={waterfallFinding(y)}
          minWidth="36rem"
          note={`${y.label}: from the deficit brought forward, through each block's in-year deficit or surplus, to the closing gross and net deficits.`}
          table={
            <table>
              <caption>Waterfall for {y.label}. Decreases (surpluses, contributions) in brackets.</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col" className="num">Amount</th>
                  <th scope="col" className="num">Running total</th>
                </tr>
              </thead>
              <tbody>
                {steps.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <MoneyCell value={s.amount} />
                    <MoneyCell value={s.to} />
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <WaterfallChart steps={steps} title={waterfallFinding(y)} />
        </ChartFigure>
      ) : (
        <p>{y ? `The waterfall for ${y.label} needs actuals for it and every agreement year before it.` : 'No data is loaded yet.'}</p>
      )}
    </>
  );
}
