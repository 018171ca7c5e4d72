/**
 * A cost centre map file: each row maps a cost centre or account code (or a prefix ending in *)
 * to a block and budget line, with an optional treatment (spend, income or exclude). Its entries
 * go out through the row context (ctx.costCentreMap): a map holds no figures of its own.
 */
import { emptyDataset } from '../../model/dataset';
import { EntryCollector, describeCode, describeTarget, parseMapRow, type MapField } from '../costCentreMap';
import type { RowReader } from '../columns';
import type { Field } from '../kinds';
import type { Sink } from './common';

const FIELD_OF: Record<MapField, Field> = { costCentre: 'costCentre', account: 'account', block: 'block', line: 'line', treatment: 'treatment' };

export function costCentreMapSink(r: RowReader): Sink {
  const entries = new EntryCollector();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const parsed = parseMapRow({
        costCentre: r.text('costCentre'), account: r.text('account'), block: r.text('block'), line: r.text('line'), treatment: r.text('treatment'),
      });
      if (!parsed.ok) {
        for (const e of parsed.errors) r.error(r.map.fields[FIELD_OF[e.field]], e.value, e.message, e.accepted);
        return false;
      }
      const conflict = entries.add(parsed.entry, rowNumber);
      if (conflict) {
        const col = r.map.fields[parsed.entry.account !== undefined || r.has('costCentre') ? 'costCentre' : 'account'];
        r.error(col, describeCode(parsed.entry),
          `the map gives ${describeCode(parsed.entry)} twice with different targets: ${describeTarget(conflict.first.entry)} in row ${conflict.first.row} and ${describeTarget(parsed.entry)} here; neither is used`,
          'each code once, with one block and line (or exclude)');
        return false;
      }
      return true;
    },
    finish() {
      r.ctx.costCentreMap = entries.entries();
      return emptyDataset();
    },
  };
}
