/** EHCP figures: one row per month, each count column optional. */
import { emptyDataset, type EhcpField, type EhcpMonth } from '../../model/dataset';
import type { Field } from '../kinds';
import { calendarMonth, type RowReader } from '../columns';
import type { Sink } from './common';

/** The EHCP file's count columns, as the dataset names them (targets name their metrics the same way). */
export const EHCP_FIELD_OF: Partial<Record<Field, EhcpField>> = {
  plansAtStart: 'plansAtStart', newPlans: 'newPlans', transfersIn: 'transfersIn', ceased: 'ceased', movedOut: 'movedOut',
  inactive: 'inactive', plansEnded: 'plansEnded', plansAtEnd: 'plansAtEnd', rsaReceived: 'rsaReceived', rsaRefused: 'rsaRefused',
};
export function ehcpSink(r: RowReader): Sink {
  const months = new Map<string, EhcpMonth & { rowNumber: number }>();
  const countFields = (Object.keys(EHCP_FIELD_OF) as Field[]).filter((f) => r.map.fields[f] !== undefined);
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const month = calendarMonth(r, 'month');
      const entry: EhcpMonth & { rowNumber: number } = { month: month ?? '', rowNumber };
      for (const f of countFields) {
        const v = r.count(r.map.fields[f]!);
        if (v !== null && v !== undefined) entry[EHCP_FIELD_OF[f]!] = v;
      }
      if (r.rejected || !month) return false;
      const first = months.get(month);
      if (first) {
        r.fieldError('month', `the month appears twice (first in row ${first.rowNumber})`, 'each month once');
        return false;
      }
      months.set(month, entry);
      return true;
    },
    finish() {
      const ehcp = [...months.values()].sort((a, b) => a.month.localeCompare(b.month)).map(({ rowNumber: _n, ...m }) => m);
      return { ...emptyDataset(), ehcp };
    },
  };
}
