/** The latest year of each national measure against England, the region and the comparators: one table for the view and the forum report. */
import type { NationalContext } from '../../national/metrics';
import { showFigure, summaryRows } from './shape';

export function NationalSummaryTable({ ctx, testId, className, caption }: { ctx: NationalContext; testId: string; className?: string; caption?: string }) {
  return (
    <table className={className} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Year</th>
          <th scope="col" className="num">{ctx.name}</th>
          <th scope="col" className="num">England</th>
          <th scope="col" className="num">{ctx.region ?? 'Region'}</th>
          <th scope="col" className="num">Comparators: median (range)</th>
          <th scope="col" className="num">Rank in England</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {summaryRows(ctx).map((r) => (
          <tr key={r.id} data-metric={r.id}>
            <th scope="row">{r.label}</th>
            <td>{r.period}</td>
            <td className="num">{showFigure(r.council, r.unit)}</td>
            <td className="num">{showFigure(r.england, r.unit)}</td>
            <td className="num">{showFigure(r.region, r.unit)}</td>
            <td className="num national-range">{r.comparators}</td>
            <td className="num">{r.rank}</td>
            <td className="national-source">{r.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
