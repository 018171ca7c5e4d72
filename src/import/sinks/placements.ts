/** Placements: plans by month, placement type, age band and need, with an optional annual cost. */
import { emptyDataset } from '../../model/dataset';
import type { AgeBand, PlacementCount } from '../../model/placements';
import { AGE_BAND_ACCEPTED, PLACEMENT_ACCEPTED, parseAgeBand, parsePlacementType } from '../../domain/placements';
import { COUNT_ACCEPTED, calendarMonth, type RowReader } from '../columns';
import type { Sink } from './common';

export function placementsSink(r: RowReader): Sink {
  const counts = new Map<string, PlacementCount & { rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const month = calendarMonth(r, 'month');
      const type = parsePlacementType(r.text('placementType'));
      if (!type) r.fieldError('placementType', 'not a placement type the DfE template names', PLACEMENT_ACCEPTED);
      let ageBand: AgeBand | undefined;
      if (r.text('ageBand') !== '') {
        ageBand = parseAgeBand(r.text('ageBand'));
        if (!ageBand) r.fieldError('ageBand', 'not an age band of the DfE template', AGE_BAND_ACCEPTED);
      }
      const count = r.count(r.map.fields.count!);
      if (count === null) r.fieldError('count', 'the number of plans is empty', COUNT_ACCEPTED);
      const cost = r.money('annualCost');
      if (r.rejected || !month || !type || count === null || count === undefined || cost === undefined) return false;
      const need = r.text('primaryNeed');
      const key = `${month}|${type}|${ageBand ?? ''}|${need.toLowerCase()}`;
      const first = counts.get(key);
      if (first) {
        r.fieldError('placementType', `the same month, placement type, age band and need appear twice (first in row ${first.rowNumber})`, 'one row for each');
        return false;
      }
      counts.set(key, {
        month, type, count, rowNumber,
        ...(ageBand ? { ageBand } : {}),
        ...(need ? { need } : {}),
        ...(cost !== null ? { annualCost: cost } : {}),
      });
      return true;
    },
    finish() {
      r.finishWarnings();
      return { ...emptyDataset(), placements: [...counts.values()].map(({ rowNumber: _n, ...c }) => c) };
    },
  };
}
