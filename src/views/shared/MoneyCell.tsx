import { formatPounds } from '../../domain/format';
import type { Pence } from '../../domain/money';
import { cellValue } from './cellValue';

/** A table cell of money: shown in pounds, carrying its exact figure for the CSV export. */
export function MoneyCell({ value }: { value: Pence }) {
  return (
    <td className="num" {...cellValue(value)}>
      {formatPounds(value)}
    </td>
  );
}
