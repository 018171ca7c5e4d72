/**
 * Forecasts and scenarios (issue 6): the drivers as labelled inputs, the savings plan, the
 * unmitigated and mitigated forecasts against the agreed profile, the answers in words, the
 * sensitivity tornado, and saved scenarios to compare (DriverInputsForm, SavingsPlan and
 * SavedScenarios; the forms' rules in scenarioForm.ts). Recomputing is cheap (under a millisecond
 * for five years) but runs on a deferred copy of the inputs so typing never waits for the charts.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import Decimal from 'decimal.js';
import { ChartFigure } from '../../charts/ChartFigure';
import { ForecastChart, TornadoChart } from './ScenarioCharts';
import { currentAgreement, type SavedScenario } from '../../model/dataset';
import { formatPounds } from '../../domain/format';
import { atRiskText, instalmentPosition } from '../../domain/instalments';
import { mitigatedForecast, hasMitigations } from '../../domain/mitigation';
import { answers, projectionBase, sensitivity, type ProjectionBase } from '../../domain/projection';
import type { DriverChange, OneOff, PlacementChange, Scenario } from '../../model/scenario';
import { isSavedScenario } from '../../domain/scenarioCheck';
import { useReport, useWorkspace } from '../../store/hooks';
import { DriverInputsForm } from './DriverInputsForm';
import { SavedScenarios } from './SavedScenarios';
import { SavingsPlan } from './SavingsPlan';
import { money } from './scenarioForm';
import { driversToInputs, effectText, forecastFinding, forecastRows, readDrivers, tornadoRows, type DriverInputs, type Series } from './shape';
import '../../charts/dashboard.css';
import './scenarios.css';

const plans = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString();

export function Scenarios() {
  const report = useReport();
  const dataset = useWorkspace((s) => s.dataset);
  const base = useMemo(() => projectionBase(report, currentAgreement(dataset), dataset.placements), [report, dataset]);
  if ('error' in base) return <p data-testid="scenarios-none">{base.error}</p>;
  // Start the inputs again from the data whenever the data's own drivers change (an import, a reset).
  const key = `${base.baseYear.fy}|${base.startMonth}|${Object.values(base.drivers).join('|')}`;
  const all = dataset.scenarios ?? [];
  const saved = all.filter(isSavedScenario);
  return (
    <>
      {saved.length < all.length && (
        <p className="error-message" role="alert">
          {all.length - saved.length} saved scenario{all.length - saved.length === 1 ? '' : 's'} could not be read (a value is missing or not a number) and {all.length - saved.length === 1 ? 'is' : 'are'} left out.
        </p>
      )}
      <Workbench key={key} base={base} saved={saved} atRisk={atRiskText(instalmentPosition(report, dataset.instalments ?? [], base.baseYear), formatPounds)} />
    </>
  );
}

function Workbench({ base, saved, atRisk }: { base: ProjectionBase; saved: SavedScenario[]; atRisk: string }) {
  const [inputs, setInputs] = useState<DriverInputs>(() => driversToInputs(base.drivers));
  const [oneOffs, setOneOffs] = useState<OneOff[]>([]);
  const [changes, setChanges] = useState<DriverChange[]>([]);
  const [placementChanges, setPlacementChanges] = useState<PlacementChange[]>([]);
  const { drivers, errors } = useMemo(() => readDrivers(inputs, base.drivers), [inputs, base.drivers]);
  const scenario = useMemo<Scenario>(
    () => ({ drivers, oneOffs, changes, ...(placementChanges.length ? { placementChanges } : {}) }),
    [drivers, oneOffs, changes, placementChanges],
  );
  const deferred = useDeferredValue(scenario);
  // Values a forecast cannot use (figures beyond the exact range) fall back to the data's own drivers, said so.
  const computed = useMemo(() => {
    try {
      return { used: deferred, forecast: mitigatedForecast(base, deferred), sens: tornadoRows(sensitivity(base, deferred)), failed: null };
    } catch (e) {
      const used: Scenario = { drivers: base.drivers, oneOffs: [], changes: [] };
      return { used, forecast: mitigatedForecast(base, used), sens: tornadoRows(sensitivity(base, used)), failed: e instanceof Error ? e.message : String(e) };
    }
  }, [base, deferred]);
  const { forecast, sens } = computed;
  const said = useMemo(() => answers(forecast.mitigated, base), [forecast, base]);
  const load = (s: Scenario) => {
    setInputs(driversToInputs(s.drivers));
    setOneOffs(s.oneOffs);
    setChanges(s.changes);
    setPlacementChanges(s.placementChanges ?? []);
  };
  const years = base.agreement.filter((a) => a.fy > base.baseYear.fy).map((a) => a.fy);
  const mitigated = hasMitigations(computed.used);
  const series: Series[] = mitigated
    ? [
        { name: 'Unmitigated: no action', years: forecast.unmitigated },
        { name: 'Mitigated: with the savings plan', years: forecast.mitigated },
      ]
    : [{ name: 'This scenario', years: forecast.mitigated }];
  const rows = forecastRows(series);
  const title = forecastFinding(forecast.mitigated);
  return (
    <>
      <p className="view-intro">
        A forecast of each agreement year still to come, from the data held. Change any driver or add to the savings plan and the
        forecast, its table and the answers below follow at once.
      </p>
      <section aria-labelledby="method-h">
        <h2 id="method-h">How the forecast is made</h2>
        <ul data-testid="method">
          {base.method.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </section>

      <DriverInputsForm base={base} inputs={inputs} errors={errors} onChange={(k, v) => setInputs({ ...inputs, [k]: v })} onReset={() => setInputs(driversToInputs(base.drivers))} />

      <SavingsPlan
        base={base}
        years={years}
        scenario={scenario}
        onOneOffs={setOneOffs}
        onChanges={setChanges}
        onPlacementChanges={setPlacementChanges}
      />

      <section aria-labelledby="forecast-h">
        <h2 id="forecast-h">Forecast against the agreement</h2>
        {computed.failed && (
          <p className="error-message" role="alert" data-testid="forecast-failed">
            This scenario cannot be forecast ({computed.failed}): change the values above. The forecast below is for the data’s own drivers.
          </p>
        )}
        <ChartFigure testId="forecast-chart" title={title} table={<ForecastTable series={series} />} note={forecast.words} keyColumns={series.length > 1 ? [0, 1, 2, 3] : [0, 1, 2]}>
          <ForecastChart rows={rows} names={series.map((s) => s.name)} title={title} />
        </ChartFigure>
        <h3>Answers for this scenario</h3>
        <ul data-testid="answers" aria-live="polite" className="answers">
          {said.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p data-testid="scenario-at-risk">On the data held to {base.baseYear.label}, by the rule every view uses: {atRisk}</p>
      </section>

      <section aria-labelledby="sens-h">
        <h2 id="sens-h">Which drivers matter most</h2>
        <ChartFigure
          testId="tornado-chart"
          minWidth="32rem"
          keyColumns={[0, 2, 4]}
          title={sens[0] ? `${sens[0].label} moves the final cumulative deficit the most` : 'No drivers to test'}
          note={`How much the ${forecast.mitigated.at(-1)?.label ?? 'final'} cumulative deficit of this scenario moves when each driver is 10% lower or higher (1 percentage point for the rates), the others as they are.`}
          table={
            <table data-testid="tornado-table">
              <caption>Change in the final year's cumulative deficit for each driver, lower and higher. Decreases in brackets.</caption>
              <thead>
                <tr>
                  <th scope="col">Driver</th>
                  <th scope="col" className="num">Lower value</th>
                  <th scope="col" className="num">Change</th>
                  <th scope="col" className="num">Higher value</th>
                  <th scope="col" className="num">Change</th>
                </tr>
              </thead>
              <tbody>
                {sens.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{r.lowText}</td>
                    <td className="num">{effectText(r.lowEffect)}</td>
                    <td className="num">{r.highText}</td>
                    <td className="num">{effectText(r.highEffect)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <TornadoChart rows={sens} title="Sensitivity of the final cumulative deficit to each driver" />
        </ChartFigure>
      </section>

      <SavedScenarios base={base} saved={saved} current={scenario} onLoad={load} />
    </>
  );
}

function ForecastTable({ series }: { series: Series[] }) {
  const last = series[series.length - 1]!;
  return (
    <table data-testid="forecast-table">
      <caption>
        Forecast by year: agreed profile and the gross cumulative deficit{series.length > 1 ? ' unmitigated and mitigated' : ''}; the other columns are for{' '}
        {series.length > 1 ? 'the mitigated forecast' : 'this scenario'}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col" className="num">Agreed profile</th>
          {series.map((s) => (
            <th scope="col" className="num" key={s.name}>
              {s.name}
            </th>
          ))}
          <th scope="col" className="num">High Needs spend</th>
          <th scope="col" className="num">In-year deficit</th>
          <th scope="col" className="num">Net after DfE contributions</th>
          <th scope="col" className="num">EHCPs at year end</th>
          <th scope="col">Meets the agreement</th>
        </tr>
      </thead>
      <tbody>
        {last.years.map((y, i) => (
          <tr key={y.fy}>
            <th scope="row" className="nowrap">{y.label}</th>
            <td className="num">{money(y.profile)}</td>
            {series.map((s) => (
              <td className="num" key={s.name}>
                {money(s.years[i]?.cumulativeDeficitGross ?? null)}
              </td>
            ))}
            <td className="num">{money(y.highNeedsSpend)}</td>
            <td className="num">{money(y.inYearDeficit)}</td>
            <td className="num">{money(y.cumulativeDeficitNet)}</td>
            <td className="num">{plans(y.plansAtEnd)}</td>
            <td>{y.onTrack ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
