/** The forum report's national context: the latest year of each measure, against England, the region and the comparators. */
import './national.css';
import { ScrollBox } from '../../ui/TableWrap';
import { NationalSummaryTable } from './NationalSummaryTable';
import { useNational } from './useNational';

export function NationalReportSection() {
  const { context: ctx } = useNational();
  if (!ctx || ctx.metrics.length === 0) return null;
  return (
    <section aria-labelledby="rep-national" className="report-section">
      <h3 id="rep-national">National context</h3>
      <ScrollBox label="National context">
        <NationalSummaryTable
          ctx={ctx}
          testId="report-national"
          className="report-table"
          caption={`${ctx.name} against England${ctx.region ? `, the ${ctx.region}` : ''} and the comparators chosen, from the DfE's published tables (rank 1 is the highest in England).`}
        />
      </ScrollBox>
    </section>
  );
}
