/** The amber tolerance, the agreement editor, the workspace file, reset and delete. */
import '../import/import.css';
import { useState } from 'react';
import Decimal from 'decimal.js';
import { TOLERANCE_ACCEPTED, fileNameFor, parseTolerance } from '../../domain/settings';
import { useWorkspace } from '../../store/hooks';
import { downloadText } from '../../export/download';
import { toRows, validateRows, type AgreementRow, type FormError } from './agreementForm';
import { AgreementYearsTable } from '../shared/AgreementYearsTable';
import { NationalSettings } from '../national/NationalSettings';
import { CouncilSettings } from './CouncilSettings';

export function SettingsView() {
  return (
    <>
      <CouncilSettings />
      <NationalSettings />
      <Tolerance />
      <AgreementEditor />
      <WorkspaceFileSection />
      <DangerZone />
    </>
  );
}

function Tolerance() {
  const settings = useWorkspace((s) => s.settings);
  const setSettings = useWorkspace((s) => s.setSettings);
  const asPercent = (t: string) => `${new Decimal(t).mul(100).toString()}%`;
  const [value, setValue] = useState(() => asPercent(settings.tolerance));
  // Start again from what is stored whenever that changes (a workspace file, a reset).
  const [basis, setBasis] = useState(settings.tolerance);
  if (basis !== settings.tolerance) {
    setBasis(settings.tolerance);
    setValue(asPercent(settings.tolerance));
  }
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const save = async () => {
    const t = parseTolerance(value);
    if (!t.ok) return setMsg({ error: true, text: `${t.reason}. Accepted: ${TOLERANCE_ACCEPTED}.` });
    const error = await setSettings({ ...settings, tolerance: t.value });
    setMsg(error ? { error: true, text: error } : { error: false, text: `Saved: amber within ${new Decimal(t.value).mul(100).toString()}% of the profile.` });
  };
  return (
    <section>
      <h2>Amber tolerance</h2>
      <p>A year is amber, not red, when its cumulative deficit is above the agreed profile by no more than this share of the profile.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Tolerance <input value={value} onChange={(e) => setValue(e.target.value)} data-testid="tolerance" size={8} aria-invalid={msg?.error || undefined} />
        </label>{' '}
        <button type="submit">Save tolerance</button>
      </form>
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}

const EMPTY_ROW: AgreementRow = { year: '', profile: '', contribution: '', surplusRequired: false, openingDeficit: '' };

function AgreementEditor() {
  const agreement = useWorkspace((s) => s.dataset.agreement);
  const saveAgreement = useWorkspace((s) => s.saveAgreement);
  const [rows, setRows] = useState<AgreementRow[]>(() => toRows(agreement));
  // Start again from what is stored whenever that changes (an import, a workspace file, a reset).
  const [basis, setBasis] = useState(agreement);
  if (basis !== agreement) {
    setBasis(agreement);
    setRows(toRows(agreement));
  }
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const update = (i: number, patch: Partial<AgreementRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setSaved(null);
    const v = validateRows(rows);
    if (!v.ok) return setErrors(v.errors);
    setErrors([]);
    const error = await saveAgreement(v.years);
    if (error) setErrors([{ row: 0, field: 'year', message: error }]);
    else {
      setSaved('Agreement saved. It is in the import history, where it can be undone.');
    }
  };
  const errorFor = (i: number, f: keyof AgreementRow) => errors.find((e) => e.row === i && e.field === f);
  return (
    <section>
      <h2>Safety Valve agreement</h2>
      <p>Enter or amend the agreement: the ceiling on the gross cumulative deficit at each year end, the DfE's contribution, and whether an in-year surplus is required. Amounts in pounds, such as £11.7m or 11,700,000 (the commas may be left out).</p>
      <AgreementYearsTable
        label="Agreement years"
        testId="agreement-editor"
        rows={rows}
        rowName={(i) => `row ${i + 1}`}
        invalid={(i, f) => (errorFor(i, f) ? true : undefined)}
        onChange={update}
        onRemove={(i) => setRows(rows.filter((_, j) => j !== i))}
      />
      <button type="button" onClick={() => setRows([...rows, EMPTY_ROW])}>
        Add a year
      </button>{' '}
      <button type="button" className="primary" onClick={save}>
        Save the agreement
      </button>
      {errors.length > 0 && (
        <ul className="error-message" role="alert" data-testid="agreement-errors">
          {errors.map((e, i) => (
            <li key={i}>
              {rows.length > 0 && `Row ${e.row + 1}: `}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
    </section>
  );
}

function WorkspaceFileSection() {
  const exportWorkspace = useWorkspace((s) => s.exportWorkspace);
  const loadWorkspace = useWorkspace((s) => s.loadWorkspace);
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const progress = useWorkspace((s) => s.workspaceProgress);
  const [result, setResult] = useState<{ error: boolean; lines: string[] } | null>(null);
  return (
    <section>
      <h2>Workspace file</h2>
      <p>Save everything (imports and their history, the agreement, settings) to one file, to keep or to open on another computer.</p>
      <button
        type="button"
        onClick={() => {
          const file = exportWorkspace();
          downloadText(fileNameFor(file.state.settings, `dsg-workspace-${file.exported.slice(0, 10)}.json`), JSON.stringify(file), 'application/json');
        }}
      >
        Export the workspace
      </button>
      <p>
        <label>
          Open a workspace file{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="workspace-input"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              setResult(null);
              setPending({ name: f.name, text: await f.text() });
            }}
          />
        </label>
      </p>
      {pending && (
        <div className="confirm" role="alertdialog" aria-label="Replace your data">
          <p>Replace everything this browser holds with {pending.name}? Your current data will be gone unless you have exported it.</p>
          <button
            type="button"
            className="primary"
            disabled={progress !== null}
            onClick={async () => {
              // The box closes whatever happens: a failure is said below it, never left hanging.
              try {
                const r = await loadWorkspace(pending.text);
                setResult(r.ok ? { error: false, lines: [`Opened ${pending.name}.`] } : { error: true, lines: [`${pending.name} was not opened; nothing was changed.`, ...r.errors] });
              } finally {
                setPending(null);
              }
            }}
          >
            Replace my data
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {progress && (
        <p role="status" data-testid="workspace-progress">
          {progress}
        </p>
      )}
      {result && (
        <ul className={result.error ? 'error-message' : 'notice'} role={result.error ? 'alert' : 'status'} data-testid="workspace-result">
          {result.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DangerZone() {
  const resetToExample = useWorkspace((s) => s.resetToExample);
  const deleteAll = useWorkspace((s) => s.deleteAll);
  const [asking, setAsking] = useState<'reset' | 'delete' | null>(null);
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const confirm = async () => {
    try {
      if (asking === 'reset') {
        const error = await resetToExample();
        setMsg(error ? { error: true, text: error } : { error: false, text: 'The example data is back.' });
      } else setMsg(await deleteAll());
    } finally {
      setAsking(null);
    }
  };
  return (
    <section>
      <h2>Start again</h2>
      <button type="button" onClick={() => setAsking('reset')}>
        Reset to the example data
      </button>{' '}
      <button type="button" className="danger" onClick={() => setAsking('delete')}>
        Delete all my data
      </button>
      {asking && (
        <div className="confirm" role="alertdialog" aria-label="Confirm">
          <p>
            {asking === 'reset'
              ? 'Replace your data and import history with the example data (Torbay 2022-23)? Export the workspace first if you want to keep it.'
              : 'Delete every import, the history, the agreement and your settings from this browser? This cannot be undone.'}
          </p>
          <button type="button" className={asking === 'reset' ? 'primary' : 'danger'} onClick={confirm}>
            {asking === 'reset' ? 'Yes, reset to the example' : 'Yes, delete everything'}
          </button>{' '}
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      )}
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
