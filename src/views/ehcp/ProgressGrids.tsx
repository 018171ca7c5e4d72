/**
 * The progress report's year-by-month grids (issue 14 point 5) as the report prints them, and each
 * month beside the EHCP file's figure where both are loaded, with the difference in words.
 */
import { TableWrap } from '../../ui/TableWrap';
import { GRID_LABELS, gridYears, type GridComparison } from '../../domain/progressGrids';
import { GRID_MEASURES } from '../../model/dataset';
import { formatCount } from '../../domain/format';
import { monthLabel } from '../../model/calendar';
import { parseMonthKey } from './shape';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "agree", "2 more in the progress report", "1 fewer in the progress report". */
export function differenceText(d: number): string {
  if (d === 0) return 'agree';
  return `${formatCount(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} in the progress report`;
}

/**
 * On the EHCP view every year held; in the forum report (`upToYear`, `inReport`) the years up to the
 * one the financial year ends in, as the progress report prints them, with a level-3 heading.
 */
export function ProgressGrids({ grids: all, upToYear, inReport = false }: { grids: readonly GridComparison[]; upToYear?: number; inReport?: boolean }) {
  const grids = upToYear === undefined ? all : all.filter((g) => Number(g.month.slice(0, 4)) <= upToYear);
  if (grids.length === 0) return null;
  const Heading = inReport ? 'h3' : 'h2';
  const tableClass = inReport ? 'report-table' : undefined;
  const id = inReport ? 'rep-progress-grids' : 'progress-grids';
  const years = gridYears(grids.map((g) => ({ measure: g.measure, month: g.month, count: g.grid })));
  const both = grids.filter((g) => g.ehcp !== null);
  const differ = both.filter((g) => g.difference !== 0).length;
  return (
    <section aria-labelledby={id} data-testid={id} className={inReport ? 'report-section' : undefined}>
      <Heading id={id}>The progress report&apos;s grids: plans issued and made inactive</Heading>
      <p>
        Plans issued and plans made inactive (ceased, moved out, inactive or deceased) each month, as the progress report prints
        them. A month it leaves &quot;-&quot; (not published, or not yet come) is shown as &quot;-&quot;; each Year Total was checked against
        its months when the file was read.
      </p>
      {GRID_MEASURES.map((measure) => {
        const rows = years.filter((y) => y.measure === measure);
        if (rows.length === 0) return null;
        const label = GRID_LABELS[measure];
        return (
          <TableWrap key={measure} label={`${label} by month`} keyColumns={[0, 13]}>
            <table className={tableClass} data-testid={`grid-${measure}`}>
              <caption>{label} by month and calendar year, from the progress report.</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  {MONTHS.map((m) => <th key={m} scope="col" className="num">{m}</th>)}
                  <th scope="col" className="num">Year Total</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    {y.months.map((v, i) => <td key={i} className="num">{v === null ? '-' : formatCount(v)}</td>)}
                    <td className="num">{formatCount(y.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        );
      })}
      {both.length === 0 ? (
        <p data-testid="grid-comparison">The EHCP figures loaded cover none of the grids&apos; months, so the two cannot be compared.</p>
      ) : (
        <>
          <p data-testid="grid-comparison">
            {differ === 0
              ? `For the ${both.length} month figures both give, the progress report and the EHCP figures agree.`
              : `For ${differ} of the ${both.length} month figures both give, the progress report and the EHCP figures differ: see below.`}
          </p>
          <TableWrap label="Progress report against the EHCP figures" keyColumns={[0, 1, 4]}>
            <table className={tableClass} data-testid="grid-comparison-table">
              <caption>Each month the progress report and the EHCP figures both give, side by side.</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Measure</th>
                  <th scope="col" className="num">Progress report</th>
                  <th scope="col" className="num">EHCP figures</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                {both.map((g) => (
                  <tr key={`${g.measure}|${g.month}`}>
                    <th scope="row">{monthLabel(parseMonthKey(g.month))}</th>
                    <td>{GRID_LABELS[g.measure]}</td>
                    <td className="num">{formatCount(g.grid)}</td>
                    <td className="num">{formatCount(g.ehcp!)}</td>
                    <td>{differenceText(g.difference!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
