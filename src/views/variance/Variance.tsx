/** Variance by block and month: in-month bars, year-to-date line, the block-by-month table, budget against outturn. */
import { cellValue } from '../shared/cellValue';
import { BlockOutturnChart } from './BlockOutturnChart';
import { ChartFigure } from '../../charts/ChartFigure';
import { VarianceChart } from './VarianceChart';
import { formatPounds } from '../../domain/format';
import { ZERO } from '../../model/money';
import { useReport, useSelectedYear, useWorkspace } from '../../store/hooks';
import { useLineView } from '../lines/drill';
import { blockOutturnRows, blocksWithMonths, outturnFinding, varianceFinding, varianceMonthRows, yearToDateByBlock } from './shape';
import { MoneyCell } from '../shared/MoneyCell';
import '../../charts/dashboard.css';

/** On a phone: the month, all blocks' in-month figure and the year to date; the block and its over / (under) spend. */
const KEY_MONTH_COLUMNS = [0, -2, -1];
const KEY_BLOCK_COLUMNS = [0, -1];

export function Variance() {
  const report = useReport();
  const y = useSelectedYear(report);
  const role = useWorkspace((s) => s.role);
  const drill = useLineView((s) => s.drill);
  if (!y || y.latestPeriod === null) return <p>No actuals are loaded{y ? ` for ${y.label}` : ''}: there is no variance to show.</p>;
  const rows = varianceMonthRows(y);
  const blocks = blocksWithMonths(y);
  const ytd = yearToDateByBlock(y);
  const title = varianceFinding(y);
  const final = y.latestPeriod === 12;
  const outturnName = final ? 'Outturn' : 'Forecast outturn';
  // Forum members read; finance officers drill from a block or month to its lines.
  const canDrill = role !== 'forum';
  const blockHead = (b: (typeof blocks)[number]) =>
    canDrill ? (
      <button type="button" className="link-button" onClick={() => drill(b, null)} aria-label={`${b}: open its budget lines`}>
        {b}
      </button>
    ) : (
      b
    );
  return (
    <>
      <p className="view-intro">
        In-month variance is the month's actual less its budget profile: over budget above the line, under budget (in brackets)
        below it. {canDrill && 'Choose a block or a month in the table to see its budget lines.'}
      </p>
      <ChartFigure
        testId="variance-chart"
        title={title}
        keyColumns={KEY_MONTH_COLUMNS}
        tableOpen={role === 'finance'}
        table={
          <table data-testid="variance-month-table">
            <caption>In-month over / (under) spend by block and month, {y.label}, with the year-to-date total. Underspends in brackets.</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {blocks.map((b) => (
                  <th key={b} scope="col" className="num">{blockHead(b)}</th>
                ))}
                <th scope="col" className="num">All blocks</th>
                <th scope="col" className="num">Year to date</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.period}>
                  <th scope="row">
                    {canDrill ? (
                      <button type="button" className="link-button" onClick={() => drill(null, r.period)} aria-label={`${r.month}: open the budget lines for this month`}>
                        {r.month}
                      </button>
                    ) : (
                      r.month
                    )}
                  </th>
                  {blocks.map((b) => (
                    <td key={b} className="num" {...cellValue(r.byBlock[b] ?? ZERO)}>{formatPounds(r.byBlock[b] ?? ZERO)}</td>
                  ))}
                  <MoneyCell value={r.total} />
                  <MoneyCell value={r.cumulative} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Year to date</th>
                {ytd.map((b) => (
                  <td key={b.block} className="num" data-block={b.block} {...cellValue(b.variance)}>{formatPounds(b.variance)}</td>
                ))}
                <MoneyCell value={rows[rows.length - 1]?.cumulative ?? ZERO} />
                <MoneyCell value={rows[rows.length - 1]?.cumulative ?? ZERO} />
              </tr>
            </tfoot>
          </table>
        }
      >
        <VarianceChart rows={rows} blocks={blocks} title={title} />
      </ChartFigure>
      <ChartFigure
        testId="outturn-chart"
        title={outturnFinding(y)}
        keyColumns={KEY_BLOCK_COLUMNS}
        table={
          <table data-testid="outturn-table">
            <caption>Budget against {outturnName.toLowerCase()} by block, {y.label}. Underspends in brackets.</caption>
            <thead>
              <tr>
                <th scope="col">Block</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">{outturnName}</th>
                <th scope="col" className="num">Over / (under) spend</th>
              </tr>
            </thead>
            <tbody>
              {y.blocks.map((b) => (
                <tr key={b.block}>
                  <th scope="row">{b.block}</th>
                  <MoneyCell value={b.budget} />
                  <MoneyCell value={b.forecastOutturn} />
                  <MoneyCell value={b.variance} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <MoneyCell value={y.budget} />
                <MoneyCell value={y.forecastOutturn ?? ZERO} />
                <MoneyCell value={y.variance ?? ZERO} />
              </tr>
            </tfoot>
          </table>
        }
      >
        <BlockOutturnChart rows={blockOutturnRows(y)} title={outturnFinding(y)} outturnName={outturnName} />
      </ChartFigure>
    </>
  );
}
