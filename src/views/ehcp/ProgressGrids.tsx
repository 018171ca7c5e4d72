/**
 * The progress report's year-by-month grids (issue 14 point 5) as the report prints them, and each
 * month beside the EHCP file's figure where both are loaded, with the difference in words.
 */
import { Fragment } from 'react';
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
 * On the EHCP view every year held; in the forum report (`fy`, `inReport`) the years up to the one
 * the financial year ends in, as the progress report prints them, compared over that year's months.
 */
export function ProgressGrids({ grids: all, fy, inReport = false }: { grids: readonly GridComparison[]; fy?: number; inReport?: boolean }) {
  const grids = fy === undefined ? all : all.filter((g) => Number(g.month.slice(0, 4)) <= fy + 1);
  if (grids.length === 0) return null;
  // The forum report compares the financial year's months only (April to March).
  const compared = fy === undefined ? grids : grids.filter((g) => g.month >= `${fy}-04` && g.month <= `${fy + 1}-03`);
  const monthRange = fy === undefined ? '' : `April ${fy} to March ${fy + 1}`;
  const Heading = inReport ? 'h3' : 'h2';
  const tableClass = inReport ? 'report-table' : undefined;
  const id = inReport ? 'rep-progress-grids' : 'progress-grids';
  const years = gridYears(grids.map((g) => ({ measure: g.measure, month: g.month, count: g.grid })));
  const both = compared.filter((g) => g.ehcp !== null);
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
        <p data-testid="grid-comparison">The EHCP figures loaded cover none of the grids&apos; months{monthRange ? ` from ${monthRange}` : ''}, so the two cannot be compared.</p>
      ) : (
        <>
          <p data-testid="grid-comparison">
            {differ === 0
              ? `For the ${both.length} monthly figures both give${monthRange ? ` (${monthRange})` : ''}, the progress report and the EHCP figures agree.`
              : `For ${differ} of the ${both.length} monthly figures both give${monthRange ? ` (${monthRange})` : ''}, the progress report and the EHCP figures differ: see below.`}
          </p>
          <TableWrap label="Progress report against the EHCP figures" keyColumns={[0, 3, 6]}>
            <table className={tableClass} data-testid="grid-comparison-table">
              <caption>
                Each month the progress report and the EHCP figures both give, side by side{monthRange ? `, ${monthRange}` : ''}. The difference is the
                progress report&apos;s figure less the EHCP figure.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {GRID_MEASURES.map((m) => (
                    <Fragment key={m}>
                      <th scope="col" className="num">{GRID_LABELS[m]}: progress report</th>
                      <th scope="col" className="num">{GRID_LABELS[m]}: EHCP figures</th>
                      <th scope="col">{GRID_LABELS[m]}: difference</th>
                    </Fragment>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...new Set(both.map((g) => g.month))].map((month) => (
                  <tr key={month}>
                    <th scope="row">{monthLabel(parseMonthKey(month))}</th>
                    {GRID_MEASURES.map((m) => {
                      const g = both.find((x) => x.month === month && x.measure === m);
                      return (
                        <Fragment key={m}>
                          <td className="num">{g ? formatCount(g.grid) : 'not given'}</td>
                          <td className="num">{g ? formatCount(g.ehcp!) : 'not given'}</td>
                          <td>{g ? differenceText(g.difference!) : 'not given'}</td>
                        </Fragment>
                      );
                    })}
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
