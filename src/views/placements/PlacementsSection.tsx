/**
 * EHCPs by placement type and age band (issue 6), from the placements file: a section of the EHCP
 * view, laid out like the DfE management plan template's children and young people tab.
 */
import { ChartFigure } from '../../charts/ChartFigure';
import { StackedCountChart } from './PlacementCharts';
import { formatCount } from '../../domain/format';
import { useWorkspace } from '../../store/hooks';
import { breakdownFinding, byAgeBand, byType, chartRows, costText, latestCosts, type Breakdown } from './shape';
import { ScrollBox } from '../../ui/TableWrap';

function BreakdownTable<K extends string>({ b, caption, head, testId }: { b: Breakdown<K>; caption: string; head: string; testId: string }) {
  return (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {b.months.map((m) => (
            <th scope="col" className="num" key={m.key}>
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {b.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {r.counts.map((c, i) => (
              <td className="num" key={i}>
                {formatCount(c)}
              </td>
            ))}
          </tr>
        ))}
        {b.notGiven && (
          <tr>
            <th scope="row">Age band not given</th>
            {b.notGiven.map((c, i) => (
              <td className="num" key={i}>
                {formatCount(c)}
              </td>
            ))}
          </tr>
        )}
        <tr className="total">
          <th scope="row">All plans</th>
          {b.totals.map((c, i) => (
            <td className="num" key={i}>
              {formatCount(c)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function PlacementsSection() {
  const placements = useWorkspace((s) => s.dataset.placements);
  if (!placements || placements.length === 0) {
    return (
      <section aria-labelledby="placements-h" data-testid="placements-none">
        <h2 id="placements-h">Plans by placement type and age band</h2>
        <p>No placements file is loaded. Import one (month, placement type, age band, number of plans, annual cost) to see plans by placement type and age band, and to forecast High Needs spend by placement type.</p>
      </section>
    );
  }
  const types = byType(placements);
  const bands = byAgeBand(placements);
  const costs = latestCosts(placements);
  const typeTitle = breakdownFinding(types, 'placement type');
  const bandTitle = breakdownFinding(bands, 'age band');
  return (
    <section aria-labelledby="placements-h" data-testid="placements">
      <h2 id="placements-h">Plans by placement type and age band</h2>
      <p>From the placements file, as the DfE management plan template's children and young people tab sets them out.</p>
      <ChartFigure
        testId="placement-type-chart"
        title={typeTitle}
        table={<BreakdownTable b={types} caption="EHCPs by placement type at each month in the placements file." head="Placement type" testId="placement-type-table" />}
      >
        <StackedCountChart rows={chartRows(types)} series={types.rows} title={typeTitle} axisLabel="Plans (count)" />
      </ChartFigure>
      {bands.rows.length > 0 && (
        <ChartFigure
          testId="age-band-chart"
          title={bandTitle}
          table={<BreakdownTable b={bands} caption="EHCPs by age band at each month in the placements file." head="Age band" testId="age-band-table" />}
        >
          <StackedCountChart rows={chartRows(bands)} series={bands.rows} title={bandTitle} axisLabel="Plans (count)" />
        </ChartFigure>
      )}
      {costs && (
        <ScrollBox label="Plans and annual costs by placement type">
          <table data-testid="placement-costs">
            <caption>Plans and annual costs by placement type at {costs.month}: the costs the forecast uses.</caption>
            <thead>
              <tr>
                <th scope="col">Placement type</th>
                <th scope="col" className="num">Plans</th>
                <th scope="col" className="num">Annual cost a plan</th>
                <th scope="col" className="num">Cost a year</th>
              </tr>
            </thead>
            <tbody>
              {costs.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{formatCount(r.plans)}</td>
                  <td className="num">{costText(r.annualCost)}</td>
                  <td className="num">{costText(r.yearly)}</td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">All placements</th>
                <td className="num">{formatCount(costs.rows.reduce((s, r) => s + r.plans, 0))}</td>
                <td className="num"></td>
                <td className="num">{costText(costs.total)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
