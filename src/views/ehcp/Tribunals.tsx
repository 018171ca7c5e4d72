/** The progress report's tribunals and mediations by calendar year (issue 14 point 5), as the report prints them. */
import { TableWrap } from '../../ui/TableWrap';
import { formatCount } from '../../domain/format';
import { CASE_TYPES, type CaseCount } from '../../model/dataset';
import { CASE_LABELS as LABELS } from '../../domain/progressGrids';

export function Tribunals({ cases, inReport = false }: { cases: readonly CaseCount[]; inReport?: boolean }) {
  if (cases.length === 0) return null;
  const Heading = inReport ? 'h3' : 'h2';
  const id = inReport ? 'rep-tribunals' : 'tribunals';
  const years = [...new Set(cases.map((c) => c.year))].sort((a, b) => a - b);
  return (
    <section aria-labelledby={id} data-testid={id} className={inReport ? 'report-section' : undefined}>
      <Heading id={id}>Tribunals and mediations</Heading>
      <TableWrap label="Tribunals and mediations by calendar year" keyColumns={[0, -1]}>
        <table className={inReport ? 'report-table' : undefined} data-testid={`${id}-table`}>
          <caption>Registered cases by calendar year, from the progress report (the latest year may be part way through). &quot;Not given&quot; marks a year the file does not hold.</caption>
          <thead>
            <tr>
              <th scope="col">Registered cases</th>
              {years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}
            </tr>
          </thead>
          <tbody>
            {CASE_TYPES.filter((t) => cases.some((c) => c.caseType === t)).map((t) => (
              <tr key={t}>
                <th scope="row">{LABELS[t]}</th>
                {years.map((y) => {
                  const c = cases.find((x) => x.caseType === t && x.year === y);
                  return <td key={y} className="num">{c ? formatCount(c.count) : 'not given'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
