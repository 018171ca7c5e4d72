/** The scenario forms' fields: a label, a hint, an error named beside the field; and each savings-plan form's shell and submit. */
import { useState, type ReactNode } from 'react';
import type { FormRead } from './scenarioForm';

/** A savings-plan form's submit: read the draft, name each error beside its field, or add the item and clear the entry. */
export function usePlanSubmit<T>(read: () => FormRead<T>, onAdd: (value: T) => void, clear: () => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const result = read();
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    onAdd(result.value);
    clear();
  };
  return { errors, submit };
}

/** The shell of each scenario's entry form: a heading, an optional name, the fields, submitted by Enter or its button. */
export function PlanForm(props: { id: string; title: string; testId: string; onSubmit: () => void; label: string; setLabel: (v: string) => void; labelHint: string; children: ReactNode }) {
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

export function Field(props: { id: string; label: string; hint: string; error?: string | undefined; children: (described: string) => ReactNode }) {
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

/** A free-text field row: the input carries the field's hint, its error and whether it is invalid. */
export function TextField(props: { id: string; label: string; hint: string; error?: string | undefined; value: string; onChange: (v: string) => void; inputMode?: 'decimal'; testId?: string }) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(d) => (
        <input
          id={props.id}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={d}
          aria-invalid={props.error ? true : undefined}
          inputMode={props.inputMode}
          data-testid={props.testId}
        />
      )}
    </Field>
  );
}

/** A select field row: the options are the children; the select carries the field's hint, its error and whether it is invalid. */
export function SelectField<V extends string>(props: { id: string; label: string; hint: string; error?: string | undefined; value: V; onChange: (v: V) => void; children: ReactNode }) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(d) => (
        <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)} aria-describedby={d} aria-invalid={props.error ? true : undefined}>
          {props.children}
        </select>
      )}
    </Field>
  );
}
