/** Settings: the council's DfE LA code and the authorities it compares itself with (national context). */
import { useState } from 'react';
import { LA_CODE_ACCEPTED, parseComparators, parseLaCode } from '../../national/context';
import { useWorkspace } from '../../store/workspace';

export function NationalSettings() {
  const settings = useWorkspace((s) => s.settings);
  const setSettings = useWorkspace((s) => s.setSettings);
  const [la, setLa] = useState(settings.laCode ?? '');
  const [compare, setCompare] = useState((settings.comparators ?? []).join(', '));
  // Start again from what is stored whenever that changes (a workspace file, a reset).
  const [basis, setBasis] = useState(settings);
  if (basis !== settings) {
    setBasis(settings);
    setLa(settings.laCode ?? '');
    setCompare((settings.comparators ?? []).join(', '));
  }
  const [msg, setMsg] = useState<{ error: boolean; field?: 'la' | 'compare'; text: string } | null>(null);
  const save = async () => {
    const next = { ...settings };
    if (la.trim() === '') delete next.laCode;
    else {
      const c = parseLaCode(la);
      if (!c.ok) return setMsg({ error: true, field: 'la', text: `LA code: ${c.reason}.` });
      next.laCode = c.value;
    }
    const cs = parseComparators(compare);
    if (!cs.ok) return setMsg({ error: true, field: 'compare', text: `Comparators: ${cs.reason}, separated by commas.` });
    if (cs.value.length === 0) delete next.comparators;
    else next.comparators = cs.value;
    const error = await setSettings(next);
    setMsg(
      error
        ? { error: true, text: error }
        : { error: false, text: next.laCode ? `Saved: LA ${next.laCode}${next.comparators ? `, compared with ${next.comparators.join(', ')}` : ''}.` : 'Saved: no LA code, so the national context is not shown.' },
    );
  };
  return (
    <section>
      <h2>Your authority, for the national context</h2>
      <p>
        The DfE LA code of your council ({LA_CODE_ACCEPTED}) and, if you wish, the LA codes of the authorities you compare
        yourself with (such as your statistical neighbours). The National context view compares your figures with England,
        your region and these authorities.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>
          <label>
            LA code{' '}
            <input value={la} onChange={(e) => setLa(e.target.value)} data-testid="la-code" size={5} inputMode="numeric" aria-invalid={msg?.field === 'la' || undefined} />
          </label>
        </p>
        <p>
          <label>
            Comparators (LA codes, separated by commas){' '}
            <input value={compare} onChange={(e) => setCompare(e.target.value)} data-testid="comparators" size={24} aria-invalid={msg?.field === 'compare' || undefined} />
          </label>
        </p>
        <button type="submit">Save authority</button>
      </form>
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'} data-testid="la-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
