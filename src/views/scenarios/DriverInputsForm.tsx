/** The drivers as labelled inputs, each with its hint, the data's own value and the error while it is wrong. */
import { useId } from 'react';
import type { Drivers } from '../../model/scenario';
import { formatPounds, formatQuantity } from '../../domain/format';
import { fromPounds } from '../../domain/money';
import { DRIVER_LABELS, type ProjectionBase } from '../../domain/projection';
import { Field } from './fields';
import { driversToInputs, type DriverInputs } from './shape';

const DRIVER_HINTS: Record<keyof Drivers, string> = {
  newPlansPerMonth: 'plans a month',
  endingsPerMonth: 'plans a month',
  costPerPlan: 'pounds a year, at the base year’s prices',
  inflation: 'per cent a year, such as 3.5',
  incomeGrowth: 'per cent a year, such as 2',
};

export function DriverInputsForm(props: {
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
