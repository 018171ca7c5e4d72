/**
 * Combining the data of several files into one Dataset, as the CLI does with a folder and the
 * store does with each import. Later files win where two give the same figure (the newer upload
 * replaces the period, SPEC section 5), except ledgers, whose transactions add up; every such
 * overlap is reported.
 */
import { fyLabel } from '../model/calendar';
import { emptyDataset, lineId, type ActualLine, type Dataset } from '../model/dataset';
import { add } from '../model/money';
import { AGE_BANDS } from '../model/placements';
import { LineMap } from './lineMap';

export interface DatasetPart {
  file: string;
  /** Ledger rows are transactions: the same line and period in two ledgers add up. */
  additive?: boolean;
  data: Dataset;
}


export function mergeDatasets(parts: DatasetPart[]): { data: Dataset; warnings: string[] } {
  const warnings: string[] = [];
  // Each line in the order first seen; the map gives where a line already is.
  const budgets: { file: string; line: Dataset['budgets'][number] }[] = [];
  const budgetAt = new LineMap<number>();
  const actuals: ActualLine[] = [];
  const actualAt = new LineMap<number>();
  /** The merged lines that are copies of their part's, so may be changed in place. */
  const owned = new Set<ActualLine>();
  const funding = new Map<string, { file: string; row: Dataset['funding'][number] }>();
  const ehcp = new Map<string, { file: string; month: Dataset['ehcp'][number] }>();
  const targets = new Map<string, Dataset['targets'][number]>();
  let agreement: { file: string; years: Dataset['agreement'] } | undefined;
  // Lists edited as a whole (contributions, revisions, scenarios): a later part that gives one replaces it.
  let instalments: Dataset['instalments'];
  let otherContributions: Dataset['otherContributions'];
  let revisions: Dataset['revisions'];
  let scenarios: Dataset['scenarios'];
  const comments = new Map<string, NonNullable<Dataset['comments']>[number]>();
  const conditions = new Map<string, NonNullable<Dataset['conditions']>[number]>();
  const placements = new Map<string, NonNullable<Dataset['placements']>[number]>();
  const narratives = new Map<string, NonNullable<Dataset['narratives']>[number]>();
  let ages: NonNullable<Dataset['ageCessations']> = [];
  const cases = new Map<string, NonNullable<Dataset['cases']>[number]>();
  // Figure by figure: a grid gives one measure a month, apart from the EHCP file's months.
  const grids = new Map<string, { file: string; figure: NonNullable<Dataset['progressGrids']>[number] }>();

  for (const { file, additive, data } of parts) {
    for (const b of data.budgets) {
      const at = budgetAt.getOrSet(b, budgets.length);
      if (at === undefined) {
        budgets.push({ file, line: b });
        continue;
      }
      warnings.push(`${file}: the ${fyLabel(b.fy)} budget for "${b.line}" replaces the one in ${budgets[at]!.file}`);
      budgets[at] = { file, line: b };
    }
    for (const a of data.actuals) {
      const at = actualAt.getOrSet(a, actuals.length);
      if (at === undefined) {
        // Taken as it is: copied only when a later part changes it, so no part's data is changed.
        actuals.push(a);
        continue;
      }
      let prev = actuals[at]!;
      if (!owned.has(prev)) {
        prev = { ...prev, actuals: [...prev.actuals], forecasts: [...prev.forecasts] };
        owned.add(prev);
        actuals[at] = prev;
      }
      const replaced: number[] = [];
      for (let p = 0; p < 12; p++) {
        const v = a.actuals[p]!;
        if (v === null) continue;
        const old = prev.actuals[p]!;
        if (old !== null && !additive) replaced.push(p + 1);
        prev.actuals[p] = old !== null && additive ? add(old, v) : v;
      }
      for (let p = 0; p < 12; p++) if (a.forecasts[p] !== null) prev.forecasts[p] = a.forecasts[p]!;
      if (a.commentary) prev.commentary = a.commentary;
      if (replaced.length > 0) {
        warnings.push(`${file}: actuals for "${a.line}" (${fyLabel(a.fy)}, P${replaced.join(', P')}) replace those loaded before`);
      }
    }
    for (const f of data.funding) {
      const id = `${f.fy}|${f.block}`;
      const prev = funding.get(id);
      if (prev) warnings.push(`${file}: ${f.block} income for ${fyLabel(f.fy)} replaces the one in ${prev.file}`);
      funding.set(id, { file, row: f });
    }
    if (data.agreement.length > 0) {
      if (agreement) warnings.push(`${file}: this agreement replaces the one in ${agreement.file}`);
      agreement = { file, years: data.agreement };
    }
    for (const m of data.ehcp) {
      const prev = ehcp.get(m.month);
      if (prev) warnings.push(`${file}: EHCP figures for ${m.month} replace those in ${prev.file}`);
      ehcp.set(m.month, { file, month: m });
    }
    for (const g of data.progressGrids ?? []) {
      const id = `${g.measure}|${g.month}`;
      const prev = grids.get(id);
      if (prev && prev.figure.count !== g.count) warnings.push(`${file}: the progress report's ${g.measure === 'newPlans' ? 'plans issued' : 'plans made inactive'} for ${g.month} (${g.count}) replace those in ${prev.file} (${prev.figure.count})`);
      grids.set(id, { file, figure: g });
    }
    // A period's age-group table is one table: a later file giving the period replaces it whole.
    const periods = new Set((data.ageCessations ?? []).map((a) => a.asAt));
    for (const asAt of periods) {
      if (ages.some((a) => a.asAt === asAt)) warnings.push(`${file}: the cessations by age group as at ${asAt} replace those loaded before`);
      ages = ages.filter((a) => a.asAt !== asAt);
    }
    ages.push(...(data.ageCessations ?? []));
    for (const c of data.cases ?? []) {
      const prev = cases.get(`${c.caseType}|${c.year}`);
      if (prev && prev.count !== c.count) warnings.push(`${file}: ${c.caseType} in ${c.year} (${c.count}) replace the ${prev.count} loaded before`);
      cases.set(`${c.caseType}|${c.year}`, c);
    }
    for (const t of data.targets) targets.set(`${t.metric}|${t.month}`, t);
    if (data.instalments) instalments = data.instalments;
    if (data.otherContributions) otherContributions = data.otherContributions;
    if (data.revisions) revisions = data.revisions;
    if (data.scenarios) scenarios = data.scenarios;
    for (const c of data.comments ?? []) comments.set(`${lineId(c)}|${c.period ?? ''}`, c);
    for (const c of data.conditions ?? []) conditions.set(c.ref, c);
    for (const n of data.narratives ?? []) narratives.set(`${n.fy}|${n.section}`, n);
    for (const p of data.placements ?? []) placements.set(`${p.month}|${p.type}|${p.ageBand ?? ''}|${(p.need ?? '').toLowerCase()}`, p);
  }

  const data: Dataset = {
    ...emptyDataset(),
    budgets: budgets.map((b) => b.line),
    actuals,
    funding: [...funding.values()].map((f) => f.row),
    agreement: agreement?.years ?? [],
    ehcp: [...ehcp.values()].map((e) => e.month).sort((a, b) => a.month.localeCompare(b.month)),
    targets: [...targets.values()].sort((a, b) => a.metric.localeCompare(b.metric) || a.month.localeCompare(b.month)),
    ...(instalments ? { instalments } : {}),
    ...(otherContributions ? { otherContributions } : {}),
    ...(revisions ? { revisions } : {}),
    ...(scenarios ? { scenarios } : {}),
    ...(comments.size > 0 ? { comments: [...comments.values()].filter((c) => c.text !== '') } : {}),
    ...(conditions.size > 0 ? { conditions: [...conditions.values()] } : {}),
    ...(narratives.size > 0 ? { narratives: [...narratives.values()].filter((n) => n.text !== '') } : {}),
    ...(grids.size > 0 ? { progressGrids: [...grids.values()].map((g) => g.figure).sort((a, b) => a.month.localeCompare(b.month) || a.measure.localeCompare(b.measure)) } : {}),
    ...(cases.size > 0 ? { cases: [...cases.values()].sort((a, b) => a.caseType.localeCompare(b.caseType) || a.year - b.year) } : {}),
    ...(ages.length > 0 ? { ageCessations: [...ages].sort((a, b) => a.asAt.localeCompare(b.asAt) || AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand)) } : {}),
    ...(placements.size > 0 ? { placements: [...placements.values()].sort((a, b) => a.month.localeCompare(b.month)) } : {}),
  };
  return { data, warnings };
}
