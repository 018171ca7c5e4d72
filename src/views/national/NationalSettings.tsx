/**
 * Settings: the authorities the council compares itself with (national context). The council's own
 * LA code is the one in "The council" above (CouncilSettings), shared with the forum report and the
 * return, so there is one code to set, never two that disagree.
 */
import { useState } from 'react';
import { parseComparators } from '../../national/context';
import { useWorkspace } from '../../store/hooks';

export function NationalSettings() {
  const settings = useWorkspace((s) => s.settings);
  const setSettings = useWorkspace((s) => s.setSettings);
  const [compare, setCompare] = useState((settings.comparators ?? []).join(', '));
  // Start again from what is stored whenever that changes (a workspace file, a reset).
  const [basis, setBasis] = useState(settings);
  if (basis !== settings) {
    setBasis(settings);
    setCompare((settings.comparators ?? []).join(', '));
  }
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const save = async () => {
    const cs = parseComparators(compare);
    if (!cs.ok) return setMsg({ error: true, text: `Comparators: ${cs.reason}. Give LA codes of three digits, separated by commas.` });
    const next = { ...settings };
    const others = cs.value.filter((c) => c !== settings.laCode);
    if (others.length === 0) delete next.comparators;
    else next.comparators = others;
    const error = await setSettings(next);
    const dropped = others.length < cs.value.length ? ` ${settings.laCode} is your own code, so it is not a comparator.` : '';
    setMsg(
      error
        ? { error: true, text: error }
        : {
            error: false,
            text: `${others.length > 0 ? `Saved: compared with ${others.join(', ')}.` : 'Saved: no comparators.'}${dropped}${settings.laCode ? '' : ' Set your LA code under "The council" to see the national context.'}`,
          },
    );
  };
  return (
    <section aria-labelledby="comparators-h">
      <h2 id="comparators-h">Comparators, for the national context</h2>
      <p>
        The National context view compares your council with England, your region and, if you list them here, other
        authorities (such as your statistical neighbours), by their DfE LA codes.{' '}
        {settings.laCode ? (
          <span data-testid="national-la">Your council is LA {settings.laCode}, as set under "The council".</span>
        ) : (
          <span data-testid="national-la">Set your council's LA code under "The council" first: the view needs it to find you in the DfE's tables.</span>
        )}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>
          <label>
            Comparators (LA codes, separated by commas){' '}
            <input value={compare} onChange={(e) => setCompare(e.target.value)} data-testid="comparators" size={24} aria-invalid={msg?.error || undefined} />
          </label>
        </p>
        <button type="submit">Save comparators</button>
      </form>
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'} data-testid="comparators-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
