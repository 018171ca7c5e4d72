/**
 * The choice, per year, to take the ESFA's allocation after recoupment as the DSG income of a year
 * no funding file covers (issue 14, point 3). Off unless chosen; kept in the settings (and so in the
 * workspace file); every view then says so (AllocationIncomeNotice).
 */
import { useState } from 'react';
import { fyLabel, type FinancialYear } from '../../model/calendar';
import { formatPounds } from '../../domain/format';
import type { AllocationIncome } from '../../national/allocationIncome';
import type { Reconciliation } from '../../national/reconcile';
import { useWorkspace } from '../../store/hooks';
import { useCanEdit } from '../shared/useCanEdit';

export function AllocationIncomeChoice({ reconciliation, income }: { reconciliation: Reconciliation; income: AllocationIncome | null }) {
  const settings = useWorkspace((s) => s.settings);
  const setSettings = useWorkspace((s) => s.setSettings);
  const canEdit = useCanEdit();
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const chosen = settings.allocationYears ?? [];
  const totals = reconciliation.rows.filter((r) => r.block === 'Total');
  const notUsed = new Map((income?.notUsed ?? []).map((n) => [n.fy, n.reason]));
  const usedTotal = new Map((income?.used ?? []).map((u) => [u.fy, u.total]));
  const used = new Set(usedTotal.keys());

  const toggle = async (fy: FinancialYear, on: boolean) => {
    const years = on ? [...new Set([...chosen, fy])].sort((a, b) => a - b) : chosen.filter((y) => y !== fy);
    const next = { ...settings };
    if (years.length === 0) delete next.allocationYears;
    else next.allocationYears = years;
    const error = await setSettings(next);
    setMsg(
      error
        ? { error: true, text: error }
        : { error: false, text: on ? `Saved: ${fyLabel(fy)}'s DSG income is now the allocation after recoupment, and every view says so.` : `Saved: ${fyLabel(fy)}'s allocation is no longer used as its income.` },
    );
  };

  return (
    <div data-testid="allocation-income">
      <h3>Using an allocation as a year&apos;s DSG income</h3>
      <p>
        For a year that no funding file covers, the figures can take the allocation after recoupment (what the ESFA pays the council) as the
        year&apos;s DSG income, block by block. It is off unless you choose it, and every view then says that year&apos;s income is the allocation.
      </p>
      <ul className="allocation-income-years">
        {totals.map((t) => {
          const label = fyLabel(t.fy);
          const on = chosen.includes(t.fy);
          const ownHeld = t.income !== null;
          const state = used.has(t.fy)
            ? `Used: ${label}'s DSG income in the figures is ${formatPounds(usedTotal.get(t.fy)!)}, from ${reconciliation.file}.`
            : on
              ? `Chosen but not used: ${notUsed.get(t.fy) ?? 'the allocation cannot be read'}.`
              : ownHeld
                ? `Your funding file holds ${label}'s DSG income; the allocation is not needed.`
                : `Not used: ${label} has no DSG income in the figures.`;
          return (
            <li key={t.fy} data-testid={`allocation-income-${label}`}>
              {canEdit && (on || !ownHeld) && t.after !== null ? (
                <label>
                  <input type="checkbox" checked={on} onChange={(e) => void toggle(t.fy, e.target.checked)} /> Use the {label} allocation after recoupment
                  ({formatPounds(t.after)}) as {label}&apos;s DSG income
                </label>
              ) : null}
              <span className={on && !used.has(t.fy) ? 'allocation-income-state error-message' : 'allocation-income-state'}>{state}</span>
            </li>
          );
        })}
      </ul>
      {msg && (
        <p className={msg.error ? 'error-message' : 'notice'} role={msg.error ? 'alert' : 'status'} data-testid="allocation-income-message">
          {msg.text}
        </p>
      )}
    </div>
  );
}
