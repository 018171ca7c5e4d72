/**
 * Agreement conditions: each condition of the Safety Valve agreement with its owner, RAG status,
 * commentary and the date last reviewed, as the council reports them to the DfE. Finance officers
 * and the DCS edit one condition at a time; each save is a history entry, so it can be undone.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Condition } from '../../model/dataset';
import { useReport, useWorkspace } from '../../store/hooks';
import { RagBadge } from '../shared/RagBadge';
import { TableWrap } from '../../ui/TableWrap';
import { useCanEdit } from '../shared/useCanEdit';
import { RAGS, RAG_TEXT, formatDate, toDraft, todayIso, validateCondition, type ConditionDraft, type ConditionFieldError } from './conditionForm';
import '../shared/editForms.css';
import '../../charts/dashboard.css';

function ConditionEditor({ condition, onDone }: { condition: Condition; onDone: (saved: boolean) => void }) {
  const id = useId();
  const saveEdit = useWorkspace((s) => s.saveEdit);
  const [draft, setDraft] = useState<ConditionDraft>(toDraft(condition));
  const [errors, setErrors] = useState<ConditionFieldError[]>([]);
  const [storageError, setStorageError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // The form opens above the table: move focus into it, so keyboard and screen-reader users follow.
  useEffect(() => first.current?.focus(), []);
  const errorFor = (f: keyof ConditionDraft) => errors.find((e) => e.field === f);
  const field = (f: keyof ConditionDraft) => ({
    id: `${id}-${f}`,
    'aria-invalid': errorFor(f) ? true : undefined,
    'aria-describedby': errorFor(f) ? `${id}-${f}-error` : undefined,
  });
  const fieldError = (f: keyof ConditionDraft) =>
    errorFor(f) && <p className="field-error" id={`${id}-${f}-error`}>{errorFor(f)!.message}</p>;
  const save = async () => {
    const v = validateCondition(condition, draft, todayIso());
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors([]);
    const error = await saveEdit('manual-conditions', `Condition ${condition.ref}`, { conditions: [v.condition] }, 1);
    if (error) setStorageError(`Condition ${condition.ref} was not saved: ${error}`);
    else onDone(true);
  };
  return (
    <form className="edit-form" noValidate aria-labelledby={`${id}-title`} data-testid="condition-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id={`${id}-title`}>Edit condition {condition.ref}</h2>
      <p>{condition.text}</p>
      {errors.length > 0 && (
        <div role="alert" className="error-message">
          <p>Condition {condition.ref} was not saved:</p>
          <ul>{errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
        </div>
      )}
      {storageError && <p role="alert" className="error-message">{storageError}</p>}
      <label htmlFor={`${id}-owner`}>Owner <span className="hint">the officer or team responsible</span></label>
      <input {...field('owner')} ref={first} value={draft.owner} size={40} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />
      {fieldError('owner')}
      <label htmlFor={`${id}-rag`}>RAG status</label>
      <select {...field('rag')} value={draft.rag} onChange={(e) => setDraft({ ...draft, rag: e.target.value })}>
        {RAGS.map((r) => <option key={r} value={r}>{RAG_TEXT[r]}</option>)}
      </select>
      {fieldError('rag')}
      <label htmlFor={`${id}-commentary`}>Commentary <span className="hint">progress and any risk, in plain words</span></label>
      <textarea {...field('commentary')} value={draft.commentary} onChange={(e) => setDraft({ ...draft, commentary: e.target.value })} />
      {fieldError('commentary')}
      <label htmlFor={`${id}-reviewed`}>Date last reviewed</label>
      <input {...field('reviewed')} type="date" value={draft.reviewed} max={todayIso()} onChange={(e) => setDraft({ ...draft, reviewed: e.target.value })} />
      {fieldError('reviewed')}
      <div className="edit-actions">
        <button type="submit" className="primary">Save condition {condition.ref}</button>
        <button type="button" onClick={() => onDone(false)}>Cancel</button>
      </div>
    </form>
  );
}

export function Conditions() {
  const report = useReport();
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const conditions = report.conditions;
  if (conditions.length === 0) return <p>No conditions of the agreement are loaded. Import a conditions file (condition, description, owner, RAG, commentary, last reviewed).</p>;
  const current = conditions.find((c) => c.ref === editing);
  const done = (ref: string) => (saved: boolean) => {
    setEditing(null);
    setNotice(saved ? `Condition ${ref} saved. Undo it from the import history if needed.` : null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(`edit-condition-${ref}`)?.focus());
  };
  const counts = Object.fromEntries(RAGS.map((r) => [r, conditions.filter((c) => c.rag === r).length]));
  return (
    <>
      <p className="view-intro">
        The conditions of the Safety Valve agreement, as the council reports progress on them to the DfE at least three times a
        year: each with its owner, RAG status (red, amber or green), commentary and the date it was last reviewed.
      </p>
      <p data-testid="conditions-summary">
        {conditions.length} conditions: {counts.green} green, {counts.amber} amber, {counts.red} red, {counts['not rated']} not rated.
      </p>
      <p role="status" className="notice">{notice ?? ''}</p>
      {current && <ConditionEditor key={current.ref} condition={current} onDone={done(current.ref)} />}
      <TableWrap label="Agreement conditions" keyColumns={[0, 1, 3]}>
        <table data-testid="conditions-table">
          <caption>The agreement's conditions with their RAG status in words, owner, commentary and date last reviewed.</caption>
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">Condition</th>
              <th scope="col">Owner</th>
              <th scope="col">RAG status</th>
              <th scope="col">Commentary</th>
              <th scope="col">Last reviewed</th>
              {canEdit && <th scope="col" data-no-export=""><span className="visually-hidden">Edit</span></th>}
            </tr>
          </thead>
          <tbody>
            {conditions.map((c) => (
              <tr key={c.ref} data-ref={c.ref}>
                <th scope="row">{c.ref}</th>
                <td>{c.text}</td>
                <td>{c.owner ?? 'not given'}</td>
                <td><RagBadge rag={c.rag} /></td>
                <td className="commentary">{c.commentary ?? ''}</td>
                <td className="nowrap" data-value={c.reviewed}>{c.reviewed ? formatDate(c.reviewed) : 'not reviewed'}</td>
                {canEdit && (
                  <td data-no-export="">
                    <button
                      type="button"
                      className="edit-button"
                      id={`edit-condition-${c.ref}`}
                      onClick={() => { setNotice(null); setEditing(c.ref); }}
                      aria-label={`Edit condition ${c.ref}`}
                    >
                      Edit
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
