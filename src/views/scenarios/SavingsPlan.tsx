/** The savings plan: one-off savings and pressures, driver changes and placement changes, each added by its form and listed in words. */
import { useId, useState } from 'react';
import { fyLabel } from '../../model/calendar';
import { PLACEMENT_LABELS, PLACEMENT_TYPES, type PlacementType } from '../../model/placements';
import type { DriverChange, OneOff, PlacementChange, Scenario } from '../../model/scenario';
import { mitigationsInWords } from '../../domain/mitigation';
import { DRIVER_LABELS, type ProjectionBase } from '../../domain/projection';
import { Field, PlanForm } from './fields';
import { driverChangeText, oneOffText, readAmountForm, readDriverChangeForm, readPlacementChangeForm } from './scenarioForm';

export function SavingsPlan(props: {
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
      text: oneOffText(o),
      remove: () => props.onOneOffs(scenario.oneOffs.filter((_, j) => j !== i)),
    })),
    ...scenario.changes.map((c, i) => ({
      key: `c${i}`,
      text: driverChangeText(c),
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
    const read = readAmountForm({ label, fy, kind, amount, every });
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    onAdd(read.value);
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
    const read = readDriverChangeForm({ label, driver, change, from });
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    onAdd(read.value);
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
    const read = readPlacementChangeForm({ label, type, count, to, from });
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    onAdd(read.value);
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
