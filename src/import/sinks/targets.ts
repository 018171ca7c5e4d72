/** EHCP targets: one row per metric and month. */
import { emptyDataset, type EhcpField } from '../../model/dataset';
import { KIND_SPECS, headerMatchesField, normaliseHeader } from '../kinds';
import { COUNT_ACCEPTED, calendarMonth, type RowReader } from '../columns';
import type { Sink } from './common';
import { EHCP_FIELD_OF } from './ehcp';

/** Target metric names use the EHCP file's column words: plans_at_end, rsa_received, … */
export function parseMetric(raw: string): EhcpField | undefined {
  const h = normaliseHeader(raw);
  const field = KIND_SPECS.ehcp.fields.find((f) => f !== 'month' && headerMatchesField(f, h));
  return field ? EHCP_FIELD_OF[field] : undefined;
}

export function targetsSink(r: RowReader): Sink {
  const targets = new Map<string, { metric: EhcpField; month: string; target: number; rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const metricRaw = r.text('metric');
      const metric = parseMetric(metricRaw);
      if (!metric) r.fieldError('metric', 'not a metric the EHCP figures hold', 'plans_at_end, plans_at_start, new_plans, transfers_in, ceased, moved_out, inactive_or_deceased, plans_ended, rsa_received or rsa_refused');
      const month = calendarMonth(r, 'month');
      const target = r.count(r.map.fields.target!);
      if (target === null) r.fieldError('target', 'the target is empty', COUNT_ACCEPTED);
      if (r.rejected || !metric || !month || target === null || target === undefined) return false;
      const key = `${metric}|${month}`;
      const first = targets.get(key);
      if (first) {
        r.fieldError('month', `a second ${metricRaw} target for this month (first in row ${first.rowNumber})`, 'one target per metric and month');
        return false;
      }
      targets.set(key, { metric, month, target, rowNumber });
      return true;
    },
    finish() {
      const list = [...targets.values()]
        .sort((a, b) => a.metric.localeCompare(b.metric) || a.month.localeCompare(b.month))
        .map(({ rowNumber: _n, ...t }) => t);
      return { ...emptyDataset(), targets: list };
    },
  };
}
