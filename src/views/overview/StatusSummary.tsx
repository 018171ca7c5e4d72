/**
 * The year's status in words, colour and symbol, its reason, the plain summary sentence and how
 * fresh the data is. Props only (no store), so it renders the same in a test as in the app.
 */
import type { YearFigures } from '../../domain/calculate';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { summarySentence } from '../../domain/report';
import { StatusBadge } from '../shared/StatusBadge';

export function surplusText(y: YearFigures): string | null {
  if (!y.agreement) return null;
  if (!y.surplusRequired) return `The agreement does not require an in-year surplus in ${y.label}.`;
  if (y.inYearDeficit === null) return `The agreement requires an in-year surplus in ${y.label}.`;
  return y.inYearDeficit <= 0
    ? `The agreement requires an in-year surplus in ${y.label}, and the year is on course for one.`
    : `The agreement requires an in-year surplus in ${y.label}, but the year shows an in-year deficit.`;
}

export function StatusSummary({ y, summaryFirst }: { y: YearFigures; summaryFirst?: boolean }) {
  const asAt = y.latestPeriod === null ? null : monthLabel(monthOfPeriod(y.fy, y.latestPeriod));
  const summary = y.latestPeriod !== null && (
    <p className="lede" data-testid="summary">
      {summarySentence(y)}
    </p>
  );
  const surplus = surplusText(y);
  return (
    <section aria-labelledby="status-heading" className="status-panel" data-testid="status-summary">
      <h2 id="status-heading">
        {y.label}
        {asAt && `, as at period ${y.latestPeriod} (${asAt})`}
      </h2>
      {summaryFirst && summary}
      <StatusBadge status={y.status} />
      <p data-testid="status-reason">{y.statusReason}</p>
      {surplus && <p data-testid="surplus-requirement">{surplus}</p>}
      {!summaryFirst && summary}
      {/* Without actuals the status reason has said so already: once is enough. */}
      {asAt && (
        <p className="count-note" data-testid="freshness">
          Latest actuals loaded: period {y.latestPeriod}, {asAt}.
        </p>
      )}
    </section>
  );
}
