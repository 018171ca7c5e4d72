/**
 * Contributions and revisions: each DfE instalment as scheduled, received or withheld; other
 * contributions that reduce the deficit; and revisions of the agreement, kept with the original.
 * Saved together as one history entry (the lists are replaced whole), so one undo restores them.
 */
import { useState } from 'react';
import { fyLabel } from '../../model/calendar';
import { currentAgreement } from '../../model/dataset';
import { useReport, useSelectedYear, useWorkspace } from '../../store/hooks';
import { InstalmentsSummary } from '../shared/InstalmentsSummary';
import { toRows, type AgreementRow } from '../settings/agreementForm';
import { useCanEdit } from '../shared/useCanEdit';
import {
  SOURCES, SOURCE_TEXT, STATUSES, toDrafts, validateDrafts,
  type DraftError, type Drafts, type InstalmentDraft, type OtherDraft, type RevisionDraft, type Section,
} from './contributionsForm';
import '../shared/editForms.css';
import '../../charts/dashboard.css';
import { ScrollBox } from '../../ui/TableWrap';
import { AgreementYearsTable } from '../shared/AgreementYearsTable';

const STATUS_TEXT = { scheduled: 'Scheduled (due)', received: 'Received', withheld: 'Withheld' } as const;

export function Contributions() {
  const dataset = useWorkspace((s) => s.dataset);
  const saveEdit = useWorkspace((s) => s.saveEdit);
  const canEdit = useCanEdit();
  const report = useReport();
  const viewed = useSelectedYear(report);
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(dataset));
  // Start again from what is stored whenever that changes (a save, an undo, an import).
  const [basis, setBasis] = useState(dataset);
  if (basis !== dataset) {
    setBasis(dataset);
    setDrafts(toDrafts(dataset));
  }
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const agreementYears = currentAgreement(dataset).map((a) => a.fy).sort((a, b) => a - b);
  if (!canEdit) return <p>Finance officers and the Director of Children's Services record contributions here.</p>;
  if (agreementYears.length === 0) return <p>Load or enter the Safety Valve agreement first (in Settings).</p>;

  const bad = (section: Section, row: number, field: string) => errors.some((e) => e.section === section && e.row === row && e.field === field) || undefined;
  const setInst = (i: number, patch: Partial<InstalmentDraft>) => setDrafts({ ...drafts, instalments: drafts.instalments.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setOther = (i: number, patch: Partial<OtherDraft>) => setDrafts({ ...drafts, others: drafts.others.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setRev = (i: number, patch: Partial<RevisionDraft>) => setDrafts({ ...drafts, revisions: drafts.revisions.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setRevYear = (i: number, k: number, patch: Partial<AgreementRow>) =>
    setRev(i, { years: drafts.revisions[i]!.years.map((y, j) => (j === k ? { ...y, ...patch } : y)) });

  const save = async () => {
    setNotice(null);
    const v = validateDrafts(drafts, agreementYears);
    if (!v.ok) return setErrors(v.errors);
    setErrors([]);
    const n = v.instalments.length + v.otherContributions.length + v.revisions.length;
    const error = await saveEdit(
      'manual-contributions',
      'DfE instalments, other contributions and agreement revisions',
      { instalments: v.instalments, otherContributions: v.otherContributions, revisions: v.revisions },
      n,
    );
    if (error) setErrors([{ section: 'instalments', row: -1, field: '', message: `Nothing was saved: ${error}` }]);
    else setNotice('Saved. The net deficit on every view now counts these; undo from the import history if needed.');
  };

  return (
    <form className="contributions" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="contributions-form">
      <p className="view-intro">
        The DfE pays each year's Safety Valve contribution in instalments, each subject to satisfactory progress, and can withhold
        them. Record each instalment here. The net cumulative deficit counts the instalments recorded as received and, for a year
        with none recorded, its whole agreed contribution (shown as "agreed", never as "received"), and other contributions that
        reduce the deficit. Amounts in pounds, such as
        £1.55m or 1,550,000 (the commas may be left out).
      </p>
      {viewed && <InstalmentsSummary report={report} y={viewed} />}
      {errors.length > 0 && (
        <div role="alert" className="error-message" data-testid="contributions-errors">
          <p>Nothing was saved. Correct these:</p>
          <ul>{errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>
        </div>
      )}
      <p role="status" className="notice">{notice ?? ''}</p>

      <section className="edit-form" aria-labelledby="inst-heading">
        <h2 id="inst-heading">DfE instalments</h2>
        <ScrollBox label="DfE instalments" keyColumns={[0, 1, 2]}>
          <table data-testid="instalments-editor">
            <thead>
              <tr>
                <th scope="col">Agreement year</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Date (received, withheld or due)</th>
                <th scope="col">Note</th>
                <th scope="col"><span className="visually-hidden">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {drafts.instalments.map((r, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={`Agreement year, instalment ${i + 1}`} value={r.year} aria-invalid={bad('instalments', i, 'year')} onChange={(e) => setInst(i, { year: e.target.value })}>
                      <option value="">Choose</option>
                      {agreementYears.map((fy) => <option key={fy} value={fyLabel(fy)}>{fyLabel(fy)}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={`Amount, instalment ${i + 1}`} size={14} value={r.amount} aria-invalid={bad('instalments', i, 'amount')} onChange={(e) => setInst(i, { amount: e.target.value })} /></td>
                  <td>
                    <select aria-label={`Status, instalment ${i + 1}`} value={r.status} aria-invalid={bad('instalments', i, 'status')} onChange={(e) => setInst(i, { status: e.target.value })}>
                      {STATUSES.map((s) => <option key={s} value={s}>{STATUS_TEXT[s]}</option>)}
                    </select>
                  </td>
                  <td><input type="date" aria-label={`Date, instalment ${i + 1}`} value={r.date} aria-invalid={bad('instalments', i, 'date')} onChange={(e) => setInst(i, { date: e.target.value })} /></td>
                  <td><input aria-label={`Note, instalment ${i + 1}`} value={r.note} onChange={(e) => setInst(i, { note: e.target.value })} /></td>
                  <td>
                    <button type="button" className="edit-button" onClick={() => setDrafts({ ...drafts, instalments: drafts.instalments.filter((_, j) => j !== i) })}>
                      Remove<span className="visually-hidden"> instalment {i + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {drafts.instalments.length === 0 && <p>No instalments are recorded: each agreement year's agreed contribution is counted in the net deficit, as agreed, not as received.</p>}
        <button type="button" className="edit-button" onClick={() => setDrafts({ ...drafts, instalments: [...drafts.instalments, { year: fyLabel(agreementYears[0]!), amount: '', status: 'received', date: '', note: '' }] })}>
          Add an instalment
        </button>
      </section>

      <section className="edit-form" aria-labelledby="other-heading">
        <h2 id="other-heading">Other contributions that reduce the deficit</h2>
        <ScrollBox label="Other contributions" keyColumns={[0, 1, 2]}>
          <table data-testid="others-editor">
            <thead>
              <tr>
                <th scope="col">Financial year</th>
                <th scope="col">Amount</th>
                <th scope="col">Source</th>
                <th scope="col">Description</th>
                <th scope="col">Date</th>
                <th scope="col"><span className="visually-hidden">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {drafts.others.map((r, i) => (
                <tr key={i}>
                  <td><input aria-label={`Financial year, other contribution ${i + 1}`} size={8} value={r.year} aria-invalid={bad('others', i, 'year')} onChange={(e) => setOther(i, { year: e.target.value })} /></td>
                  <td><input aria-label={`Amount, other contribution ${i + 1}`} size={14} value={r.amount} aria-invalid={bad('others', i, 'amount')} onChange={(e) => setOther(i, { amount: e.target.value })} /></td>
                  <td>
                    <select aria-label={`Source, other contribution ${i + 1}`} value={r.source} onChange={(e) => setOther(i, { source: e.target.value })}>
                      {SOURCES.map((s) => <option key={s} value={s}>{SOURCE_TEXT[s]}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={`Description, other contribution ${i + 1}`} value={r.label} onChange={(e) => setOther(i, { label: e.target.value })} /></td>
                  <td><input type="date" aria-label={`Date, other contribution ${i + 1}`} value={r.date} aria-invalid={bad('others', i, 'date')} onChange={(e) => setOther(i, { date: e.target.value })} /></td>
                  <td>
                    <button type="button" className="edit-button" onClick={() => setDrafts({ ...drafts, others: drafts.others.filter((_, j) => j !== i) })}>
                      Remove<span className="visually-hidden"> other contribution {i + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {drafts.others.length === 0 && <p>No other contributions are recorded.</p>}
        <button type="button" className="edit-button" onClick={() => setDrafts({ ...drafts, others: [...drafts.others, { year: fyLabel(agreementYears[0]!), amount: '', source: 'council', label: '', date: '' }] })}>
          Add another contribution
        </button>
      </section>

      <section className="edit-form" aria-labelledby="rev-heading">
        <h2 id="rev-heading">Revisions of the agreement</h2>
        <p>The agreement as first signed is kept. The latest revision by date is the one in force; the trajectory shows both profiles.</p>
        {drafts.revisions.length === 0 && <p>The agreement has not been revised.</p>}
        {drafts.revisions.map((r, i) => (
          <fieldset key={i} data-testid="revision">
            <legend>Revision {i + 1}</legend>
            <label htmlFor={`rev-${i}-date`}>Date of the revision</label>
            <input id={`rev-${i}-date`} type="date" value={r.date} aria-invalid={bad('revisions', i, 'date')} onChange={(e) => setRev(i, { date: e.target.value })} />
            <label htmlFor={`rev-${i}-label`}>Name <span className="hint">such as "Re-profiled March 2024" or "Extended to 2028-29"</span></label>
            <input id={`rev-${i}-label`} size={40} value={r.label} aria-invalid={bad('revisions', i, 'label')} onChange={(e) => setRev(i, { label: e.target.value })} />
            <AgreementYearsTable
              label={`Years of revision ${i + 1}`}
              caption={`Years of revision ${i + 1}`}
              rows={r.years}
              rowName={(k) => `revision ${i + 1} row ${k + 1}`}
              invalid={(k, f) => bad('revisions', i, `years-${k}-${f}`)}
              onChange={(k, patch) => setRevYear(i, k, patch)}
              onRemove={(k) => setRev(i, { years: r.years.filter((_, j) => j !== k) })}
              buttonClassName="edit-button"
            />
            <div className="edit-actions">
              <button type="button" onClick={() => setRev(i, { years: [...r.years, { year: '', profile: '', contribution: '', surplusRequired: false, openingDeficit: '' }] })}>
                Add a year<span className="visually-hidden"> to revision {i + 1}</span>
              </button>
              <button type="button" onClick={() => setDrafts({ ...drafts, revisions: drafts.revisions.filter((_, j) => j !== i) })}>
                Remove revision {i + 1}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="edit-button"
          onClick={() => setDrafts({ ...drafts, revisions: [...drafts.revisions, { date: '', label: '', years: toRows(currentAgreement(dataset)) }] })}
        >
          Add a revision, starting from the agreement in force
        </button>
      </section>
      <div className="edit-actions">
        <button type="submit" className="primary">Save contributions and revisions</button>
      </div>
    </form>
  );
}
