/** The scenario forms' fields: a label, a hint, an error named beside the field; and each savings-plan form's shell. */
import type { ReactNode } from 'react';

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
