/** The savings plan: one-off savings and pressures, driver changes and placement changes, each added by its form and listed in words. */
import { useId, useState } from 'react';
import { fyLabel } from '../../model/calendar';
import { PLACEMENT_LABELS, PLACEMENT_TYPES, type PlacementType } from '../../model/placements';
import type { DriverChange, OneOff, PlacementChange, Scenario } from '../../model/scenario';
import { mitigationsInWords } from '../../domain/mitigation';
import { DRIVER_LABELS, type ProjectionBase } from '../../domain/projection';
import { PlanForm, SelectField, TextField, usePlanSubmit } from './fields';
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

/** The placement types as a select's options. */
function PlacementOptions() {
  return PLACEMENT_TYPES.map((t) => (
    <option key={t} value={t}>
      {PLACEMENT_LABELS[t]}
    </option>
  ));
}

function AmountForm({ years, onAdd }: { years: number[]; onAdd: (o: OneOff) => void }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [fy, setFy] = useState(String(years[0] ?? ''));
  const [kind, setKind] = useState<'saving' | 'pressure'>('saving');
  const [amount, setAmount] = useState('');
  const [every, setEvery] = useState(false);
  const { errors, submit } = usePlanSubmit(() => readAmountForm({ label, fy, kind, amount, every }), onAdd, () => {
    setAmount('');
    setLabel('');
  });
  return (
    <PlanForm id={id} title="A saving or pressure in a year" testId="amount-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Banding review">
      <SelectField id={`${id}-kind`} label="Saving or pressure" hint="a saving lowers the deficit" value={kind} onChange={setKind}>
        <option value="saving">Saving</option>
        <option value="pressure">Pressure</option>
      </SelectField>
      <TextField id={`${id}-amount`} label="Amount" hint="pounds, such as 250,000 or £0.25m" error={errors.amount} value={amount} onChange={setAmount} inputMode="decimal" testId="amount" />
      <SelectField id={`${id}-fy`} label="Year" hint="an agreement year still to come" error={errors.fy} value={fy} onChange={setFy}>
        {years.map((y) => (
          <option key={y} value={y}>
            {fyLabel(y)}
          </option>
        ))}
      </SelectField>
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
  const { errors, submit } = usePlanSubmit(() => readDriverChangeForm({ label, driver, change, from }), onAdd, () => {
    setChange('');
    setLabel('');
  });
  return (
    <PlanForm id={id} title="A change in a driver from a month" testId="change-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Early help">
      <SelectField id={`${id}-driver`} label="Driver" hint="the driver to change" value={driver} onChange={setDriver}>
        <option value="newPlansPerMonth">{DRIVER_LABELS.newPlansPerMonth}</option>
        <option value="endingsPerMonth">{DRIVER_LABELS.endingsPerMonth}</option>
        <option value="costPerPlan">{DRIVER_LABELS.costPerPlan}</option>
      </SelectField>
      <TextField id={`${id}-change`} label="Change" hint="added to the driver: -2 is two fewer" error={errors.change} value={change} onChange={setChange} inputMode="decimal" />
      <TextField id={`${id}-from`} label="From" hint="a month, such as September 2026" error={errors.from} value={from} onChange={setFrom} />
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
  const { errors, submit } = usePlanSubmit(() => readPlacementChangeForm({ label, type, count, to, from }), onAdd, () => {
    setCount('');
    setLabel('');
  });
  return (
    <PlanForm id={id} title="Fewer placements of a type" testId="placement-form" onSubmit={submit} label={label} setLabel={setLabel} labelHint="such as Local special school places">
      <TextField id={`${id}-count`} label="How many fewer" hint="plans, such as 20" error={errors.count} value={count} onChange={setCount} inputMode="decimal" />
      <SelectField id={`${id}-type`} label="Placement type" hint="the type with fewer placements" value={type} onChange={setType}>
        <PlacementOptions />
      </SelectField>
      <SelectField id={`${id}-to`} label="Placed instead in" hint="or none: the plans leave High Needs" error={errors.to} value={to} onChange={setTo}>
        <option value="">None</option>
        <PlacementOptions />
      </SelectField>
      <TextField id={`${id}-from`} label="From" hint="a month, such as September 2026" error={errors.from} value={from} onChange={setFrom} />
      <button type="submit">Add the placement change</button>
    </PlanForm>
  );
}
