/**
 * The progress report's cessations by age group (issue 14 point 5): one table per period held,
 * with its total, and, where the grid of plans made inactive covers the same months of that
 * calendar year, its figure beside the table's (the table's made inactive is the year to date).
 */
import { TableWrap } from '../../ui/TableWrap';
import { formatCount } from '../../domain/format';
import { monthLabel } from '../../model/calendar';
import { AGE_BANDS } from '../../model/placements';
import type { AgeCessation } from '../../model/dataset';
import { AGE_GROUP_LABELS, gridYearToDate, type GridComparison } from '../../domain/progressGrids';
import { parseMonthKey } from './shape';

export function AgeCessations({ rows, grids, inReport = false }: { rows: readonly AgeCessation[]; grids: readonly GridComparison[]; inReport?: boolean }) {
  if (rows.length === 0) return null;
  const Heading = inReport ? 'h3' : 'h2';
  const id = inReport ? 'rep-age-cessations' : 'age-cessations';
  const periods = [...new Set(rows.map((r) => r.asAt))];
  return (
    <section aria-labelledby={id} data-testid={id} className={inReport ? 'report-section' : undefined}>
      <Heading id={id}>Plans made inactive and ceasing in progress, by age group</Heading>
      {periods.map((asAt) => {
        const of = rows.filter((r) => r.asAt === asAt).sort((a, b) => AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand));
        const inactive = of.reduce((s, r) => s + r.madeInactive, 0);
        const ceasing = of.reduce((s, r) => s + r.ceasingInProgress, 0);
        const month = monthLabel(parseMonthKey(asAt));
        const ytd = gridYearToDate(grids, asAt);
        return (
          <div key={asAt}>
            <TableWrap label={`Cessations by age group, ${of[0]!.period}`} keyColumns={[0, 1, 2]}>
              <table className={inReport ? 'report-table' : undefined} data-testid={`age-cessations-${asAt}`}>
                <caption>Age groups ({of[0]!.period}): plans made inactive in the period, and plans ceasing in progress at {month}.</caption>
                <thead>
                  <tr>
                    <th scope="col">Age group</th>
                    <th scope="col" className="num">Made inactive</th>
                    <th scope="col" className="num">Ceasing in progress</th>
                  </tr>
                </thead>
                <tbody>
                  {of.map((r) => (
                    <tr key={r.ageBand}>
                      <th scope="row">{AGE_GROUP_LABELS[r.ageBand]}</th>
                      <td className="num">{formatCount(r.madeInactive)}</td>
                      <td className="num">{formatCount(r.ceasingInProgress)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">All age groups</th>
                    <td className="num">{formatCount(inactive)}</td>
                    <td className="num">{formatCount(ceasing)}</td>
                  </tr>
                </tbody>
              </table>
            </TableWrap>
            {ytd !== null && (
              <p data-testid={`age-cessations-check-${asAt}`}>
                {ytd === inactive
                  ? `The grid of plans made inactive gives ${formatCount(ytd)} from January to ${month}: the same as this table.`
                  : `The grid of plans made inactive gives ${formatCount(ytd)} from January to ${month}, but this table ${formatCount(inactive)}: a difference of ${formatCount(Math.abs(inactive - ytd))}.`}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
