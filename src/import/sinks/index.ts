/**
 * The sink stage: one sink per kind, each in its own file, validating and aggregating one row at
 * a time as the source yields it, so a million-row ledger is never held as rows: only one
 * accumulator per budget line survives. To add a kind: its columns in kinds.ts (KINDS,
 * KIND_SPECS, KIND_PRIORITY), its sink in a file of its own here, and its entry in SINKS.
 * SINKS is a Record over every Kind, so a kind added to KINDS does not compile until it has one.
 */
import { RowReader } from '../columns';
import type { ColumnMap, Kind } from '../kinds';
import type { RowContext } from '../problems';
import { actualsSink } from './actuals';
import { wideSink } from './actualsWide';
import { agreementSink } from './agreement';
import { budgetSink } from './budget';
import { skippingSink, type RowSink, type Sink } from './common';
import { conditionsSink } from './conditions';
import { ehcpSink } from './ehcp';
import { fundingSink } from './funding';
import { placementsSink } from './placements';
import { targetsSink } from './targets';

export const SINKS: Record<Kind, (r: RowReader) => Sink> = {
  budget: budgetSink,
  actuals: (r) => actualsSink(r, false),
  ledger: (r) => actualsSink(r, true),
  actualsWide: wideSink,
  funding: fundingSink,
  agreement: agreementSink,
  ehcp: ehcpSink,
  targets: targetsSink,
  conditions: conditionsSink,
  placements: placementsSink,
};

/** The file's sink: its kind's, behind the shared skipping of blank, totals and heading rows. */
export function createSink(ctx: RowContext, map: ColumnMap): RowSink {
  // The column stage, made once per file: where a source's forms will join the column map.
  const r = new RowReader(ctx, map);
  return skippingSink(ctx, map, SINKS[map.kind](r));
}

export { isTotalLabel, type RowOutcome, type RowSink, type Sink } from './common';
export { parseMetric } from './targets';
