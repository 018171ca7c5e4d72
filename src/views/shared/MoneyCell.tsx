import { formatPounds } from '../../domain/format';
import type { Pence } from '../../model/money';
import { cellValue } from './cellValue';

/** A table cell of money: shown in pounds, carrying its exact figure for the CSV export; a dash where there is none. */
export function MoneyCell({ value }: { value: Pence | null }) {
  return (
    <td className="num" {...cellValue(value)}>
      {value === null ? '–' : formatPounds(value)}
    </td>
  );
}
