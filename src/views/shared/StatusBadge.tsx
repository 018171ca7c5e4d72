import type { Status } from '../../domain/calculate';

const TEXT: Record<Status, string> = {
  green: 'Green: on track',
  amber: 'Amber: above the profile, within tolerance',
  red: 'Red: off track',
  'no data': 'No data',
};

/** Status as words and a symbol as well as colour, so meaning never rests on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const symbol = status === 'green' ? '✔' : status === 'amber' ? '▲' : status === 'red' ? '✖' : '–';
  return (
    <p className={`status status-${status.replace(' ', '-')}`} data-testid="status">
      <span aria-hidden="true">{symbol} </span>
      Status: {TEXT[status]}
    </p>
  );
}
