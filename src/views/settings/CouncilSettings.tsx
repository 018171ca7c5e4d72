/**
 * The council's name and its DfE local authority code (issue 11): printed on the forum report,
 * the DfE return (page and XLSX), the snapshot and the names of downloaded files. Both optional;
 * the code is validated as three digits.
 */
import { useState } from 'react';
import { LA_CODE_ACCEPTED, authorityName, parseCouncilName, parseLaCode } from '../../domain/settings';
import { useWorkspace } from '../../store/hooks';

export function CouncilSettings() {
  const settings = useWorkspace((s) => s.settings);
  const setSettings = useWorkspace((s) => s.setSettings);
  const [name, setName] = useState(settings.councilName ?? '');
  const [code, setCode] = useState(settings.laCode ?? '');
  // Start again from what is stored whenever that changes (a workspace file, a reset).
  const [basis, setBasis] = useState(settings);
  if (basis !== settings) {
    setBasis(settings);
    setName(settings.councilName ?? '');
    setCode(settings.laCode ?? '');
  }
  const [msg, setMsg] = useState<{ error: boolean; field?: 'name' | 'code'; text: string } | null>(null);
  const save = async () => {
    const n = parseCouncilName(name);
    if (!n.ok) return setMsg({ error: true, field: 'name', text: `Council name: ${n.reason}.` });
    const c = code.trim() === '' ? null : parseLaCode(code);
    if (c && !c.ok) return setMsg({ error: true, field: 'code', text: `DfE LA code: ${c.reason}. Accepted: ${LA_CODE_ACCEPTED}.` });
    const next = { ...settings };
    delete next.councilName;
    delete next.laCode;
    if (n.value) next.councilName = n.value;
    if (c?.ok) next.laCode = c.value;
    const error = await setSettings(next);
    const shown = authorityName(next);
    setMsg(error ? { error: true, text: error } : { error: false, text: shown ? `Saved: the report, the return and the snapshot now say "${shown}".` : 'Saved: no council name or code is set.' });
  };
  return (
    <section aria-labelledby="council-h">
      <h2 id="council-h">The council</h2>
      <p>The council's name and its DfE local authority code, printed on the forum report, the DfE return and the snapshot, and used in the names of downloaded files. The code also finds the council in the DfE's national tables (the National context view).</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="council-form"
      >
        <p>
          <label>
            Council name{' '}
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="council-name" size={30} autoComplete="organization" aria-invalid={msg?.field === 'name' || undefined} />
          </label>
        </p>
        <p>
          <label>
            DfE LA code (three digits){' '}
            <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="la-code" size={5} inputMode="numeric" aria-invalid={msg?.field === 'code' || undefined} />
          </label>
        </p>
        <button type="submit">Save council</button>
      </form>
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'} data-testid="council-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
