/**
 * Forecasts and scenarios (issue 6): the drivers as labelled inputs, the savings plan, the
 * unmitigated and mitigated forecasts against the agreed profile, the answers in words, the
 * sensitivity tornado, and saved scenarios to compare. Recomputing is cheap (under a millisecond
 * for five years) but runs on a deferred copy of the inputs so typing never waits for the charts.
 */
import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react';
import Decimal from 'decimal.js';
import { ChartFigure } from '../../charts/ChartFigure';
import { ForecastChart, TornadoChart } from './ScenarioCharts';
import { fyLabel, monthLabel } from '../../model/calendar';
import { PLACEMENT_LABELS, PLACEMENT_TYPES, type PlacementType } from '../../model/placements';
import { currentAgreement, type SavedScenario } from '../../model/dataset';
import { formatDateTime, formatPounds, formatQuantity } from '../../domain/format';
import { atRiskText, instalmentPosition } from '../../domain/instalments';
import { fromPounds } from '../../domain/money';
import type { Pence } from '../../model/money';
import { mitigatedForecast, mitigationsInWords, hasMitigations } from '../../domain/mitigation';
import { DRIVER_LABELS, answers, project, projectionBase, sensitivity, type ProjectedYear, type ProjectionBase } from '../../domain/projection';
import type { DriverChange, Drivers, OneOff, PlacementChange, Scenario } from '../../model/scenario';
import { useReadOnly } from '../../ui/readOnly';
import { isSavedScenario } from '../../domain/scenarioCheck';
import { useReport, useWorkspace } from '../../store/hooks';
import {
  driversToInputs, effectText, forecastFinding, forecastRows, readDrivers, readMonth, readNumber, readPounds,
  tornadoRows, type DriverInputs, type Series,
} from './shape';
import '../../charts/dashboard.css';
import './scenarios.css';
import { ScrollBox } from '../../ui/TableWrap';

const money = (p: Pence | null) => (p === null ? '–' : formatPounds(p));
const plans = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString();
const toCal = (key: string) => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });
/** A projection, or none where its figures cannot be held exactly: one bad scenario never blanks the view. */
const safeProject = (base: ProjectionBase, s: Scenario): ProjectedYear[] => {
  try {
    return project(base, s);
  } catch {
    return [];
  }
};

const DRIVER_HINTS: Record<keyof Drivers, string> = {
  newPlansPerMonth: 'plans a month',
  endingsPerMonth: 'plans a month',
  costPerPlan: 'pounds a year, at the base year’s prices',
  inflation: 'per cent a year, such as 3.5',
  incomeGrowth: 'per cent a year, such as 2',
};

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
        <ChartFigure testId="forecast-chart" title={title} table={<ForecastTable series={series} />} note={forecast.words}>
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

/** The shell of each scenario's entry form: a heading, an optional name, the fields, submitted by Enter or its button. */
function PlanForm(props: { id: string; title: string; testId: string; onSubmit: () => void; label: string; setLabel: (v: string) => void; labelHint: string; children: ReactNode }) {
  const { id } = props;
  return (
    <form
      className="plan-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      data-testid={props.testId}
    >
      <h3 id={`${id}-h`}>{props.title}</h3>
      <Field id={`${id}-label`} label="Name (optional)" hint={props.labelHint}>
        {(d) => <input id={`${id}-label`} value={props.label} onChange={(e) => props.setLabel(e.target.value)} aria-describedby={d} />}
      </Field>
      {props.children}
    </form>
  );
}

function Field(props: { id: string; label: string; hint: string; error?: string | undefined; children: (described: string) => ReactNode }) {
  const described = [`${props.id}-hint`, props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="field-hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      {props.error && (
        <span className="error-message" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
      {props.children(described)}
    </div>
  );
}

function DriverInputsForm(props: {
  base: ProjectionBase;
  inputs: DriverInputs;
  errors: Partial<Record<keyof Drivers, string>>;
  onChange: (k: keyof Drivers, v: string) => void;
  onReset: () => void;
}) {
  const id = useId();
  const raw = driversToInputs(props.base.drivers);
  // Shown as the rules print money and quantities (docs/formats.md); the field still takes them plain.
  const fromData = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, k === 'costPerPlan' ? formatPounds(fromPounds(v), { pence: !/^\d+$/.test(v) }) : formatQuantity(v)]),
  ) as typeof raw;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Drivers</h2>
      <form className="driver-grid" onSubmit={(e) => e.preventDefault()} data-testid="drivers">
        {(Object.keys(DRIVER_LABELS) as (keyof Drivers)[]).map((k) => {
          const error = props.errors[k];
          return (
            <Field
              key={k}
              id={`${id}-${k}`}
              label={DRIVER_LABELS[k]}
              hint={`${DRIVER_HINTS[k]}; from the data: ${fromData[k]}`}
              error={error ? `${error}. Until it is corrected the forecast uses ${fromData[k]}.` : undefined}
            >
              {(described) => (
                <input
                  id={`${id}-${k}`}
                  name={k}
                  inputMode="decimal"
                  value={props.inputs[k]}
                  onChange={(e) => props.onChange(k, e.target.value)}
                  aria-describedby={described}
                  aria-invalid={error ? true : undefined}
                  data-testid={`driver-${k}`}
                />
              )}
            </Field>
          );
        })}
        <div className="field-actions">
          <button type="button" onClick={props.onReset}>
            Reset the drivers to the data’s values
          </button>
        </div>
      </form>
    </section>
  );
}

function SavingsPlan(props: {
  base: ProjectionBase;
  years: number[];
  scenario: Scenario;
  onOneOffs: (x: OneOff[]) => void;
  onChanges: (x: DriverChange[]) => void;
  onPlacementChanges: (x: PlacementChange[]) => void;
}) {
  const { scenario } = props;
  const items: { key: string; text: string; remove: () => void }[] = [
    ...scenario.oneOffs.map((o, i) => ({
      key: `o${i}`,
      text: `${o.label}: ${new Decimal(o.pounds).isNegative() ? 'saving' : 'pressure'} of ${formatPounds(fromPounds(new Decimal(o.pounds).abs()))} ${o.everyYearFrom ? `a year from ${fyLabel(o.fy)}` : `in ${fyLabel(o.fy)}`}`,
      remove: () => props.onOneOffs(scenario.oneOffs.filter((_, j) => j !== i)),
    })),
    ...scenario.changes.map((c, i) => ({
      key: `c${i}`,
      text: `${c.label}: ${DRIVER_LABELS[c.driver].toLowerCase()} ${new Decimal(c.change).isNegative() ? '' : '+'}${c.change} from ${monthLabel(toCal(c.fromMonth))}`,
      remove: () => props.onChanges(scenario.changes.filter((_, j) => j !== i)),
    })),
    ...(scenario.placementChanges ?? []).map((c, i) => ({
      key: `p${i}`,
      text: mitigationsInWords({ drivers: scenario.drivers, oneOffs: [], changes: [], placementChanges: [c] })[0]!,
      remove: () => props.onPlacementChanges((scenario.placementChanges ?? []).filter((_, j) => j !== i)),
    })),
  ];
  return (
    <section aria-labelledby="plan-h">
      <h2 id="plan-h">Savings plan, one-off savings and pressures</h2>
      <p>
        Savings (amounts saved, fewer new plans, more plans ending, a lower cost per plan{props.base.mix ? ', placement changes' : ''}) make up the savings plan: the
        mitigated forecast has them, the unmitigated one does not. Pressures are in both.
      </p>
      {items.length === 0 ? (
        <p data-testid="plan-empty">Nothing added yet.</p>
      ) : (
        <ul className="plan-items" data-testid="plan-items">
          {items.map((it) => (
            <li key={it.key}>
              {it.text}{' '}
              <button type="button" onClick={it.remove} aria-label={`Remove: ${it.text}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="plan-forms">
        <AmountForm years={props.years} onAdd={(o) => props.onOneOffs([...scenario.oneOffs, o])} />
        <DriverChangeForm onAdd={(c) => props.onChanges([...scenario.changes, c])} />
        {props.base.mix && <PlacementChangeForm onAdd={(c) => props.onPlacementChanges([...(scenario.placementChanges ?? []), c])} />}
      </div>
    </section>
  );
}

/** A small form whose fields are validated on submit, each error named beside its field. */
function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return { errors, setErrors };
}

function AmountForm({ years, onAdd }: { years: number[]; onAdd: (o: OneOff) => void }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [fy, setFy] = useState(String(years[0] ?? ''));
  const [kind, setKind] = useState<'saving' | 'pressure'>('saving');
  const [amount, setAmount] = useState('');
  const [every, setEvery] = useState(false);
  const { errors, setErrors } = useFormErrors();
  const submit = () => {
    const a = readPounds(amount, { positive: true });
    const e: Record<string, string> = {};
    if (!a.ok) e.amount = a.reason;
    if (fy === '') e.fy = 'There is no agreement year to put it in';
    setErrors(e);
    if (!a.ok || fy === '') return;
    const pounds = kind === 'saving' ? new Decimal(a.value).neg().toString() : a.value;
    onAdd({ label: label.trim() || (kind === 'saving' ? 'Saving' : 'Pressure'), fy: Number(fy), pounds, ...(every ? { everyYearFrom: true } : {}) });
    setAmount('');
    setLabel('');
  };
  return (
    <PlanForm id={id} title="A saving or pressure in a year" testId="amount-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Banding review">
      <Field id={`${id}-kind`} label="Saving or pressure" hint="a saving lowers the deficit">
        {(d) => (
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'saving' | 'pressure')} aria-describedby={d}>
            <option value="saving">Saving</option>
            <option value="pressure">Pressure</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-amount`} label="Amount" hint="pounds, such as 250,000 or £0.25m" error={errors.amount}>
        {(d) => <input id={`${id}-amount`} value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby={d} aria-invalid={errors.amount ? true : undefined} inputMode="decimal" data-testid="amount" />}
      </Field>
      <Field id={`${id}-fy`} label="Year" hint="an agreement year still to come" error={errors.fy}>
        {(d) => (
          <select id={`${id}-fy`} value={fy} onChange={(e) => setFy(e.target.value)} aria-describedby={d}>
            {years.map((y) => (
              <option key={y} value={y}>
                {fyLabel(y)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field check">
        <input id={`${id}-every`} type="checkbox" checked={every} onChange={(e) => setEvery(e.target.checked)} />
        <label htmlFor={`${id}-every`}>Every year from then on</label>
      </div>
      <button type="submit">Add the amount</button>
    </PlanForm>
  );
}

function DriverChangeForm({ onAdd }: { onAdd: (c: DriverChange) => void }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [driver, setDriver] = useState<DriverChange['driver']>('newPlansPerMonth');
  const [change, setChange] = useState('');
  const [from, setFrom] = useState('');
  const { errors, setErrors } = useFormErrors();
  const submit = () => {
    const c = driver === 'costPerPlan' ? readPounds(change) : readNumber(change);
    const m = readMonth(from);
    setErrors({ ...(c.ok ? {} : { change: c.reason }), ...(m.ok ? {} : { from: m.reason }) });
    if (!c.ok || !m.ok) return;
    onAdd({ label: label.trim() || 'Driver change', driver, change: c.value, fromMonth: m.value });
    setChange('');
    setLabel('');
  };
  return (
    <PlanForm id={id} title="A change in a driver from a month" testId="change-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Early help">
      <Field id={`${id}-driver`} label="Driver" hint="the driver to change">
        {(d) => (
          <select id={`${id}-driver`} value={driver} onChange={(e) => setDriver(e.target.value as DriverChange['driver'])} aria-describedby={d}>
            <option value="newPlansPerMonth">{DRIVER_LABELS.newPlansPerMonth}</option>
            <option value="endingsPerMonth">{DRIVER_LABELS.endingsPerMonth}</option>
            <option value="costPerPlan">{DRIVER_LABELS.costPerPlan}</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-change`} label="Change" hint="added to the driver: -2 is two fewer" error={errors.change}>
        {(d) => <input id={`${id}-change`} value={change} onChange={(e) => setChange(e.target.value)} aria-describedby={d} aria-invalid={errors.change ? true : undefined} inputMode="decimal" />}
      </Field>
      <Field id={`${id}-from`} label="From" hint="a month, such as September 2026" error={errors.from}>
        {(d) => <input id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={d} aria-invalid={errors.from ? true : undefined} />}
      </Field>
      <button type="submit">Add the change</button>
    </PlanForm>
  );
}

function PlacementChangeForm({ onAdd }: { onAdd: (c: PlacementChange) => void }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [type, setType] = useState<PlacementType>('independent');
  const [count, setCount] = useState('');
  const [to, setTo] = useState<PlacementType | ''>('');
  const [from, setFrom] = useState('');
  const { errors, setErrors } = useFormErrors();
  const submit = () => {
    const c = readNumber(count, { min: '0' });
    const m = readMonth(from);
    const e: Record<string, string> = { ...(c.ok ? {} : { count: c.reason }), ...(m.ok ? {} : { from: m.reason }) };
    if (to === type) e.to = 'Choose another type, or none';
    setErrors(e);
    if (!c.ok || !m.ok || to === type) return;
    onAdd({ label: label.trim() || 'Placement change', type, change: new Decimal(c.value).neg().toString(), fromMonth: m.value, ...(to ? { to } : {}) });
    setCount('');
    setLabel('');
  };
  return (
    <PlanForm id={id} title="Fewer placements of a type" testId="placement-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Local special school places">
      <Field id={`${id}-count`} label="How many fewer" hint="plans, such as 20" error={errors.count}>
        {(d) => <input id={`${id}-count`} value={count} onChange={(e) => setCount(e.target.value)} aria-describedby={d} aria-invalid={errors.count ? true : undefined} inputMode="decimal" />}
      </Field>
      <Field id={`${id}-type`} label="Placement type" hint="the type with fewer placements">
        {(d) => (
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as PlacementType)} aria-describedby={d}>
            {PLACEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {PLACEMENT_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-to`} label="Placed instead in" hint="or none: the plans leave High Needs" error={errors.to}>
        {(d) => (
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as PlacementType | '')} aria-describedby={d} aria-invalid={errors.to ? true : undefined}>
            <option value="">None</option>
            {PLACEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {PLACEMENT_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-from`} label="From" hint="a month, such as September 2026" error={errors.from}>
        {(d) => <input id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={d} aria-invalid={errors.from ? true : undefined} />}
      </Field>
      <button type="submit">Add the placement change</button>
    </PlanForm>
  );
}

const CURRENT = '__current__';

function SavedScenarios({ base, saved, current, onLoad }: { base: ProjectionBase; saved: SavedScenario[]; current: Scenario; onLoad: (s: Scenario) => void }) {
  const id = useId();
  // Forum members and snapshots explore scenarios but do not save or delete them (they change the data).
  const role = useWorkspace((st) => st.role);
  const readOnly = useReadOnly() || role === 'forum';
  const saveEdit = useWorkspace((s) => s.saveEdit);
  const [name, setName] = useState('');
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  // Until the reader picks, compare two different scenarios where two exist (the first saved one
  // against the next, or against the one being edited), also when the first is saved here.
  const [pickedA, setA] = useState<string | null>(null);
  const [pickedB, setB] = useState<string | null>(null);
  const a = pickedA ?? saved[0]?.name ?? CURRENT;
  const b = pickedB ?? saved.find((s) => s.name !== a)?.name ?? (a === CURRENT ? (saved[0]?.name ?? CURRENT) : CURRENT);
  const persist = async (list: SavedScenario[], label: string, done: string) => {
    const error = await saveEdit('manual-scenarios', label, { scenarios: list }, list.length);
    setMsg(error ? { error: true, text: error } : { error: false, text: done });
    return !error;
  };
  const save = async () => {
    const n = name.trim();
    if (n === '') return setMsg({ error: true, text: 'Enter a name for the scenario.' });
    const replacing = saved.some((s) => s.name === n);
    const list = [...saved.filter((s) => s.name !== n), { name: n, savedAt: new Date().toISOString(), scenario: current }];
    if (await persist(list, `scenario "${n}" saved`, replacing ? `Saved: "${n}" replaces the scenario of that name.` : `Saved: "${n}".`)) setName('');
  };
  const pick = (n: string): { name: string; scenario: Scenario } =>
    n === CURRENT ? { name: 'The scenario being edited', scenario: current } : (saved.find((s) => s.name === n) ?? { name: 'The scenario being edited', scenario: current });
  const left = pick(a);
  const right = pick(b);
  const [ln, ls, rn, rs] = [left.name, left.scenario, right.name, right.scenario];
  const compared = useMemo(
    () => [
      { name: ln, years: safeProject(base, ls) },
      { name: rn, years: safeProject(base, rs) },
    ],
    [base, ln, ls, rn, rs],
  );
  const compareSeries: Series[] = compared.map((c, i) => ({ name: `${String.fromCharCode(65 + i)}: ${c.name}`, years: c.years }));
  const cmpTitle = compareTitle(compared);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Saved scenarios</h2>
      {!readOnly && (
        <form
          className="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-name`}>Name for this scenario</label>{' '}
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} data-testid="scenario-name" aria-invalid={msg?.error && name.trim() === '' ? true : undefined} />{' '}
          <button type="submit">Save the scenario</button>
        </form>
      )}
      <p className={msg?.error ? 'error-message' : 'notice'} role="status" data-testid="save-message">
        {msg?.text ?? ''}
      </p>
      {saved.length === 0 ? (
        <p>No scenarios are saved yet. Saved scenarios are kept in this browser and go into the workspace file.</p>
      ) : (
        <ScrollBox label="Saved scenarios">
          <table data-testid="saved-table">
            <caption>Saved scenarios with the final year's forecast cumulative deficit.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Saved</th>
                <th scope="col" className="num">Final cumulative deficit</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {saved.map((s) => {
                const last = safeProject(base, s.scenario).at(-1);
                return (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td className="nowrap">{formatDateTime(s.savedAt)}</td>
                    <td className="num">{last ? `${money(last.cumulativeDeficitGross)} (${last.label})` : '–'}</td>
                    <td className="nowrap">
                      <button type="button" onClick={() => onLoad(s.scenario)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </button>{' '}
                      {!readOnly && (
                        <button
                          type="button"
                          aria-label={`Delete ${s.name}`}
                          onClick={() => void persist(saved.filter((x) => x.name !== s.name), `scenario "${s.name}" deleted`, `Deleted: "${s.name}". Undo it in the import history.`)}
                        >
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <h3>Compare two scenarios</h3>
      <div className="compare-pickers">
        {(
          [
            ['A', a, setA],
            ['B', b, setB],
          ] as const
        ).map(([letter, value, set]) => (
          <label key={letter}>
            Scenario {letter}{' '}
            <select value={value} onChange={(e) => set(e.target.value)} data-testid={`compare-${letter}`}>
              <option value={CURRENT}>The scenario being edited</option>
              {saved.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <ChartFigure testId="compare-chart" title={cmpTitle} table={<CompareTable series={compareSeries} />}>
        <ForecastChart rows={forecastRows(compareSeries)} names={compareSeries.map((s) => s.name)} title={cmpTitle} />
      </ChartFigure>
      <div className="compare-answers" data-testid="compare-answers">
        {compareSeries.map((s) => (
          <div key={s.name}>
            <h4>{s.name}</h4>
            <ul>
              {answers(s.years, base).map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function compareTitle(c: { name: string; years: ProjectedYear[] }[]): string {
  const [x, y] = c;
  const lx = x?.years.at(-1);
  const ly = y?.years.at(-1);
  if (!lx || !ly) return 'No agreement years are left to compare';
  if (lx.cumulativeDeficitGross === ly.cumulativeDeficitGross) return `A and B end ${lx.label} with the same cumulative deficit`;
  const lower = lx.cumulativeDeficitGross < ly.cumulativeDeficitGross ? 'A' : 'B';
  const diff = Math.abs(lx.cumulativeDeficitGross - ly.cumulativeDeficitGross) as Pence;
  return `${lower} ends ${lx.label} with a cumulative deficit ${formatPounds(diff)} lower`;
}

function CompareTable({ series }: { series: Series[] }) {
  const rows = forecastRows(series);
  return (
    <table data-testid="compare-table">
      <caption>Gross cumulative deficit by year for the two scenarios, against the agreed profile.</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col" className="num">Agreed profile</th>
          {series.map((s) => (
            <th scope="col" className="num" key={s.name}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.fy}>
            <th scope="row">{r.label}</th>
            <td className="num">{money(r.profile)}</td>
            {r.values.map((v, i) => (
              <td className="num" key={i}>
                {money(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
