/**
 * National context: the council against England, its region and its comparators, from the DfE's
 * published tables (each figure names its source file); and the DSG allocations beside the
 * council's own funding file, as a reconciliation that the calculations do not use.
 */
import './national.css';
import { fyLabel } from '../../model/calendar';
import { formatPounds } from '../../domain/format';
import type { Pence } from '../../model/money';
import type { Reconciliation } from '../../national/reconcile';
import type { AllocationIncome } from '../../national/allocationIncome';
import { AllocationIncomeChoice } from './AllocationIncomeChoice';
import { ChartFigure } from '../../charts/ChartFigure';
import { TableWrap } from '../../ui/TableWrap';
import { NationalChart, drawsEnglandAndRegion } from './NationalChart';
import { metricRows, showFigure } from './shape';
import { NationalSummaryTable } from './NationalSummaryTable';
import { useNational } from './useNational';
import type { MetricResult, NationalContext } from '../../national/metrics';

export function NationalContextView() {
  const n = useNational();
  if (!n.held) {
    return (
      <p data-testid="national-empty">
        No national data is held. <a href="#/import">Import the DfE&apos;s files</a>: the SEN2 release zip (&ldquo;Education, health and care plans&rdquo;) and the DSG
        allocations workbook (.ods or .xlsx), as you download them.
      </p>
    );
  }
  if (!n.context) {
    return (
      <p data-testid="national-no-la">
        Set your council&apos;s LA code in <a href="#/settings">Settings</a> (under &ldquo;The council&rdquo;) to compare it with England, its region and the authorities you choose.
      </p>
    );
  }
  return <Context ctx={n.context} reconciliation={n.reconciliation} income={n.income} />;
}

function Context({ ctx, reconciliation, income }: { ctx: NationalContext; reconciliation: Reconciliation | null; income: AllocationIncome | null }) {
  const names = ctx.comparatorNames.filter((c) => c.name).map((c) => c.name!);
  return (
    <>
      <p data-testid="national-who">
        <strong>
          {ctx.name} ({ctx.la})
        </strong>
        {ctx.region ? `, in the ${ctx.region} region,` : ''} against England{ctx.region ? `, the ${ctx.region}` : ''}
        {names.length > 0 ? ` and ${names.length} comparator${names.length === 1 ? '' : 's'} (${names.join(', ')})` : ''}. Figures as the DfE publishes them; each names its source file.
        Ranks count from the highest figure in England (1).
      </p>
      {ctx.warnings.length > 0 && (
        <details className="national-warnings">
          <summary>Notes on the figures ({ctx.warnings.length})</summary>
          <ul>
            {ctx.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <h2>The latest year of each measure</h2>
      <TableWrap label="The latest year of each measure">
        <NationalSummaryTable ctx={ctx} testId="national-summary" />
      </TableWrap>
      {ctx.censusChecks.length > 0 && (
        <p data-testid="census-check">
          Your own EHCP file beside the January census:{' '}
          {ctx.censusChecks
            .map((c) => `${c.month.slice(0, 4)}: ${c.own.toLocaleString('en-GB')} plans at the end of January in your file, ${c.census.toLocaleString('en-GB')} in the census (${c.difference === 0 ? 'the same' : `${Math.abs(c.difference)} ${c.difference > 0 ? 'more' : 'fewer'} in your file`})`)
            .join('; ')}
          .
        </p>
      )}
      <h2>Each measure over the years</h2>
      {ctx.metrics.filter((m) => m.points.length > 0).map((m) => (
        <MetricFigure key={m.id} m={m} ctx={ctx} names={names} />
      ))}
      <Allocations reconciliation={reconciliation} income={income} />
    </>
  );
}

function finding(m: MetricResult, ctx: NationalContext): string {
  const p = m.points[m.points.length - 1]!;
  const rows = metricRows(m);
  const last = rows[rows.length - 1]!;
  const rank = p.rank ? `, ${ordinal(p.rank.rank)} of ${p.rank.of} in England` : '';
  return `${m.label}: ${ctx.name} ${showFigure(last.council, m.unit)} in ${p.label} against ${showFigure(last.england, m.unit)} for England${rank}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

function MetricFigure({ m, ctx, names }: { m: MetricResult; ctx: NationalContext; names: string[] }) {
  const rows = metricRows(m);
  const title = finding(m, ctx);
  const sources = [...new Set(m.points.map((p) => p.source))].join('; ');
  return (
    <ChartFigure
      testId={`national-${m.id}`}
      title={title}
      note={
        <>
          Source: {sources}.{!drawsEnglandAndRegion(m.unit) && ' England and the region are in the table (their counts are on another scale).'}
        </>
      }
      table={
        <table data-testid={`national-${m.id}-rows`}>
          <caption>{m.label}</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col" className="num">{ctx.name}</th>
              <th scope="col" className="num">England</th>
              <th scope="col" className="num">{ctx.region ?? 'Region'}</th>
              {names.map((c) => (
                <th key={c} scope="col" className="num">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period}>
                <th scope="row">{r.period}</th>
                <td className="num">{showFigure(r.council, m.unit)}</td>
                <td className="num">{showFigure(r.england, m.unit)}</td>
                <td className="num">{showFigure(r.region, m.unit)}</td>
                {r.comparators.map((c, i) => (
                  <td key={i} className="num">{showFigure(c, m.unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <NationalChart rows={rows} unit={m.unit} title={title} name={ctx.name} region={ctx.region} comparators={names} />
    </ChartFigure>
  );
}

const money = (p: Pence | null) => (p === null ? 'none held' : formatPounds(p));

function Allocations({ reconciliation, income }: { reconciliation: Reconciliation | null; income: AllocationIncome | null }) {
  if (!reconciliation) return null;
  const used = new Set((income?.used ?? []).map((u) => u.fy));
  return (
    <section aria-labelledby="national-allocations">
      <h2 id="national-allocations">DSG allocations beside your funding file</h2>
      <p>
        The ESFA&apos;s allocations ({reconciliation.file}) before and after academies&apos; recoupment and the ESFA&apos;s direct funding of places, beside the DSG
        income in your funding file. They are shown to reconcile, not used in the calculations (a budget file often holds only part of a block), unless you choose below
        to take a year&apos;s allocation after recoupment as its DSG income because no funding file covers it.
        A difference in brackets means your file holds less income than the allocation; a year your funding file does not cover says &ldquo;none held&rdquo;.
      </p>
      <TableWrap label="DSG allocations beside your funding file">
        <table data-testid="national-allocations">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Block</th>
              <th scope="col" className="num">Allocation before recoupment</th>
              <th scope="col" className="num">Allocation after recoupment</th>
              <th scope="col" className="num">DSG income in your funding file</th>
              <th scope="col" className="num">Income less allocation after recoupment</th>
              <th scope="col" className="num">Income less allocation before recoupment</th>
            </tr>
          </thead>
          <tbody>
            {reconciliation.rows.map((r) => (
              <tr key={`${r.fy}|${r.block}`} className={r.block === 'Total' ? 'total-row' : undefined}>
                <td>{fyLabel(r.fy)}</td>
                <th scope="row">{r.block}</th>
                <td className="num">{money(r.before)}</td>
                <td className="num">{money(r.after)}</td>
                <td className="num">{r.income === null && used.has(r.fy) ? 'none held (the allocation is used)' : money(r.income)}</td>
                <td className="num">{r.differenceAfter === null ? 'not compared' : formatPounds(r.differenceAfter)}</td>
                <td className="num">{r.differenceBefore === null ? 'not compared' : formatPounds(r.differenceBefore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <AllocationIncomeChoice reconciliation={reconciliation} income={income} />
    </section>
  );
}
