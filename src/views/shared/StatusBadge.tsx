import type { Status } from '../../domain/calculate';

const TEXT: Record<Status, string> = {
  green: 'Green: on track',
  amber: 'Amber: above the profile, within tolerance',
  red: 'Red: off track',
  'no data': 'No data',
};

const SHORT: Record<Status, string> = { green: 'Green', amber: 'Amber', red: 'Red', 'no data': 'No data' };

/** Status as words and a symbol as well as colour, so meaning never rests on colour alone. */
export function StatusBadge({ status, compact }: { status: Status; compact?: boolean }) {
  const symbol = status === 'green' ? '✔' : status === 'amber' ? '▲' : status === 'red' ? '✖' : '–';
  const cls = `status status-${status.replace(' ', '-')}`;
  if (compact) {
    return (
      <span className={`${cls} status-compact`}>
        <span aria-hidden="true">{symbol} </span>
        {SHORT[status]}
      </span>
    );
  }
  return (
    <p className={cls} data-testid="status">
      <span aria-hidden="true">{symbol} </span>
      Status: {TEXT[status]}
    </p>
  );
}
