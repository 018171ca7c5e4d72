/** The forum report's national context: the latest year of each measure, against England, the region and the comparators. */
import './national.css';
import { ScrollBox } from '../../ui/TableWrap';
import { showFigure, summaryRows } from './shape';
import { useNational } from './useNational';

export function NationalReportSection() {
  const { context: ctx } = useNational();
  if (!ctx || ctx.metrics.length === 0) return null;
  const rows = summaryRows(ctx);
  return (
    <section aria-labelledby="rep-national" className="report-section">
      <h3 id="rep-national">National context</h3>
      <ScrollBox label="National context">
        <table className="report-table" data-testid="report-national">
          <caption>
            {ctx.name} against England{ctx.region ? `, the ${ctx.region}` : ''} and the comparators chosen, from the DfE&apos;s published tables (rank 1 is the highest in England).
          </caption>
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
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                <td>{r.period}</td>
                <td className="num">{showFigure(r.council, r.unit)}</td>
                <td className="num">{showFigure(r.england, r.unit)}</td>
                <td className="num">{showFigure(r.region, r.unit)}</td>
                <td className="num">{r.comparators}</td>
                <td className="num">{r.rank}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
