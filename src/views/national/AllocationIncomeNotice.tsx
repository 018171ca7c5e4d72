/**
 * Said on every view (the shell puts it under each heading): which years' DSG income is the ESFA's
 * allocation rather than a funding file, as the user chose (issue 14, point 3). Read from the data
 * itself (the rows marked `fromAllocation`), so it can never disagree with the figures.
 */
import { useMemo } from 'react';
import { fyLabel } from '../../model/calendar';
import { formatPounds } from '../../domain/format';
import { sum } from '../../model/money';
import { useWorkspace } from '../../store/hooks';

export function AllocationIncomeNotice() {
  const funding = useWorkspace((s) => s.dataset.funding);
  const years = useMemo(() => {
    const by = new Map<number, { file: string; rows: typeof funding }>();
    for (const f of funding) {
      if (f.fromAllocation === undefined) continue;
      const y = by.get(f.fy) ?? { file: f.fromAllocation, rows: [] };
      y.rows.push(f);
      by.set(f.fy, y);
    }
    return [...by.entries()].sort((a, b) => a[0] - b[0]);
  }, [funding]);
  if (years.length === 0) return null;
  return (
    <p className="allocation-income-notice" role="note" data-testid="allocation-income-notice">
      <strong>Not from a funding file:</strong>{' '}
      {years.map(([fy, y]) => `${fyLabel(fy)}'s DSG income (${formatPounds(sum(y.rows.map((r) => r.income)))}) is the ESFA's allocation after recoupment in ${y.file}`).join('; ')}, as chosen
      under National context. The figures for {years.length === 1 ? 'that year' : 'those years'} rest on it.
    </p>
  );
}
