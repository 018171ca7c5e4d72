/**
 * Benchmark: recomputing a scenario for five agreement years (issue 6 target: under 16 ms, one
 * frame). Prints the median and worst of many runs on the example data with its agreement
 * extended to five years after the base year.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mergeDatasets } from '../src/domain/merge';
import { mitigatedForecast } from '../src/domain/mitigation';
import { project, projectionBase, sensitivity } from '../src/domain/projection';
import type { Scenario } from '../src/model/scenario';
import { buildReport } from '../src/domain/report';
import { importBytes } from '../src/import/importFile';

const dir = join(import.meta.dirname, '..', 'data');
const parts = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => {
    const r = importBytes(new Uint8Array(readFileSync(join(dir, f))), f);
    return { file: f, data: r.data };
  });
const data = mergeDatasets(parts).data;
const last = data.agreement[data.agreement.length - 1]!;
data.agreement.push({ ...last, fy: last.fy + 1 });
const base = projectionBase(buildReport(data), data.agreement);
if ('error' in base) throw new Error(base.error);
const scenario: Scenario = {
  drivers: { ...base.drivers, inflation: '0.035', incomeGrowth: '0.025' },
  oneOffs: [{ label: 'Saving', fy: 2024, pounds: '-250000', everyYearFrom: true }],
  changes: [{ label: 'Fewer new plans', driver: 'newPlansPerMonth', change: '-2', fromMonth: '2024-09' }],
};

function time(label: string, runs: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label}: median ${median.toFixed(3)} ms, worst ${ms[ms.length - 1]!.toFixed(3)} ms over ${runs} runs (target under 16 ms: ${median < 16 ? 'met' : 'NOT met'})`);
}

console.log(`Projection of ${project(base, scenario).length} years from ${base.baseYear.label}`);
time('Recompute a scenario (five years)', 500, () => project(base, scenario));
time('Sensitivity of the base projection (tornado)', 50, () => sensitivity(base, scenario));

// The same by placement type, with the small placements file of the tests and a placement change.
const placements = importBytes(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'tests/fixtures/placements/placements.csv'))), 'placements.csv').data.placements!;
const byType = projectionBase(buildReport(data), data.agreement, placements);
if ('error' in byType) throw new Error(byType.error);
const byTypeScenario: Scenario = {
  ...scenario,
  drivers: { ...byType.drivers, inflation: '0.035', incomeGrowth: '0.025' },
  placementChanges: [{ label: 'Local special places', type: 'independent', change: '-20', fromMonth: '2024-09', to: 'special' }],
};
time('Recompute a scenario by placement type (five years)', 500, () => project(byType, byTypeScenario));
time('Unmitigated and mitigated by placement type', 500, () => mitigatedForecast(byType, byTypeScenario));
