/**
 * The sink stage: one sink per kind, each in its own file, validating and aggregating one row at
 * a time as the source yields it, so a million-row ledger is never held as rows: only one
 * accumulator per budget line survives. To add a kind: its columns in kinds.ts (KINDS,
 * KIND_SPECS, KIND_PRIORITY), its sink in a file of its own here, and its entry in SINKS.
 * SINKS is a Record over every Kind, so a kind added to KINDS does not compile until it has one.
 */
import { RowReader } from '../columns';
import { emptyDataset } from '../../model/dataset';
import type { ColumnMap } from '../kinds';
import type { Kind } from '../../model/kinds';
import type { RowContext } from '../problems';
import { blockHeading } from '../forms';
import { noForms, type SourceForms } from '../sourceForms';
import { actualsSink } from './actuals';
import { wideSink } from './actualsWide';
import { agreementSink } from './agreement';
import { budgetSink } from './budget';
import { skippingSink, type RowSink, type Sink } from './common';
import { conditionsSink } from './conditions';
import { costCentreMapSink } from './costCentreMap';
import { costCentreRows } from './costCentreRows';
import { CostCentreStage, usesCostCentreMap } from '../costCentreStage';
import type { MapEntry } from '../../model/costCentreMap';
import { ehcpSink } from './ehcp';
import { ehcpGridSink } from './ehcpGrid';
import { ageCessationsSink } from './ageCessations';
import { tribunalsSink } from './tribunals';
import { fundingSink } from './funding';
import { placementsSink } from './placements';
import { targetsSink } from './targets';

export const SINKS: Record<Kind, (r: RowReader) => Sink> = {
  budget: budgetSink,
  actuals: (r) => actualsSink(r, false, !r.ctx.kindChosen),
  ledger: (r) => actualsSink(r, true),
  actualsWide: wideSink,
  funding: fundingSink,
  agreement: agreementSink,
  ehcp: ehcpSink,
  targets: targetsSink,
  conditions: conditionsSink,
  placements: placementsSink,
  costCentreMap: costCentreMapSink,
  ehcpGrid: ehcpGridSink,
  ageCessations: ageCessationsSink,
  tribunals: tribunalsSink,
};

/**
 * The file's sink: its kind's, behind the shared skipping of blank, totals and heading rows, with
 * the file's forms in its column stage and, for rows that give a cost centre or account but no
 * block or line, the cost-centre map.
 */
export function createSink(
  ctx: RowContext,
  map: ColumnMap,
  forms: SourceForms = noForms(),
  costCentreMap: readonly MapEntry[] = [],
): RowSink & { costCentres?: CostCentreStage } {
  // The column stage, made once per file, with the file's forms beside the column map.
  const r = new RowReader(ctx, map, forms);
  let inner = SINKS[map.kind](r);
  // A budget-v-actual report: each row gives a budget line and, read as actuals, its spend to date.
  const bva = forms.budgetVsActual;
  const r2 = bva ? new RowReader(ctx, bva, forms) : undefined;
  if (bva && r2) {
    const budget = inner;
    const actuals = actualsSink(r2, false);
    inner = {
      row: (cells, rowNumber) => {
        // A row whose line the cost-centre map gave has it for its actuals too.
        r2.mapped = r.mapped;
        try {
          return budget.row(cells, rowNumber) && actuals.row(cells, rowNumber);
        } finally {
          r2.mapped = undefined;
        }
      },
      finish: () => ({ ...emptyDataset(), budgets: budget.finish().budgets, actuals: actuals.finish().actuals }),
    };
  }
  // Rows with a cost centre or account but no block or line take them from the map.
  const costCentres = usesCostCentreMap(map, forms.blockHeadings) ? new CostCentreStage(ctx, map, costCentreMap) : undefined;
  const sink = skippingSink(ctx, map, costCentres ? costCentreRows(r, inner, costCentres) : inner, costCentres !== undefined);
  const withMap = costCentres ? { ...sink, costCentres } : sink;
  if (!forms.blockHeadings && forms.unitsRowNumber === undefined) return withMap;
  // Rows that are forms, not data: the units row, and block headings that set the block of the rows beneath.
  return {
    ...withMap,
    row(cells, rowNumber) {
      if (rowNumber === forms.unitsRowNumber) {
        ctx.skipped.push({ row: rowNumber, reason: 'the units row (£000 and the like): applied to the amounts' });
        return 'skipped';
      }
      const heading = forms.blockHeadings ? blockHeading(cells) : undefined;
      if (heading) {
        r.headingBlock = heading;
        if (r2) r2.headingBlock = heading;
        ctx.skipped.push({ row: rowNumber, reason: `a block heading ("${cells.find((c) => c.trim() !== '')!.trim()}"): the rows beneath it are in the ${heading} block` });
        return 'skipped';
      }
      return sink.row(cells, rowNumber);
    },
    finish: () => sink.finish(),
  };
}

export { isTotalLabel, type RowOutcome, type RowSink, type Sink } from './common';
export { parseMetric } from './targets';
