/** The Safety Valve agreement: one row per year, its deficit profile and the DfE's contribution. */
import { fyLabel, type FinancialYear } from '../../model/calendar';
import { emptyDataset } from '../../model/dataset';
import { toFixed2 } from '../../domain/money';
import type { Pence } from '../../model/money';
import type { RowReader } from '../columns';
import { columnName } from '../problems';
import type { Sink } from './common';

export const YES_NO_ACCEPTED = 'yes or no (also y/n, true/false, 1/0; empty means no)';

function yesNo(r: RowReader): boolean | undefined {
  const raw = r.text('surplusRequired').toLowerCase();
  if (['', 'no', 'n', 'false', '0', '-'].includes(raw)) return false;
  if (['yes', 'y', 'true', '1', 'required'].includes(raw)) return true;
  r.fieldError('surplusRequired', 'not yes or no', YES_NO_ACCEPTED);
  return undefined;
}

export function agreementSink(r: RowReader): Sink {
  const years = new Map<FinancialYear, { rowNumber: number; opening: Pence | null; profile: Pence; contribution: Pence; surplusRequired: boolean }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = r.requiredYear();
      const profile = r.requiredMoney('profile', 'deficit profile');
      const contribution = r.requiredMoney('contribution', 'DfE contribution');
      const surplusRequired = yesNo(r);
      const opening = r.money('openingDeficit');
      if (r.rejected || fy === undefined || profile === undefined || contribution === undefined || surplusRequired === undefined || opening === undefined) return false;
      const first = years.get(fy);
      if (first) {
        r.fieldError('year', `the agreement gives ${fyLabel(fy)} twice (first in row ${first.rowNumber})`, 'each agreement year once');
        return false;
      }
      years.set(fy, { rowNumber, opening, profile, contribution, surplusRequired });
      return true;
    },
    finish() {
      const sorted = [...years.entries()].sort((a, b) => a[0] - b[0]);
      const agreement = sorted.map(([fy, y], i) => {
        if (i > 0 && y.opening !== null) {
          r.ctx.warnings.push({
            severity: 'warning', file: r.ctx.file, row: y.rowNumber,
            column: columnName(r.ctx.header, r.map.fields.openingDeficit!), value: toFixed2(y.opening),
            message: `an opening deficit belongs on the first agreement year (${fyLabel(sorted[0]![0])}) only; the one given for ${fyLabel(fy)} was not used`,
          });
        }
        return {
          fy, profile: y.profile, contribution: y.contribution, surplusRequired: y.surplusRequired,
          ...(i === 0 && y.opening !== null ? { openingDeficit: y.opening } : {}),
        };
      });
      r.finishWarnings();
      return { ...emptyDataset(), agreement };
    },
  };
}
