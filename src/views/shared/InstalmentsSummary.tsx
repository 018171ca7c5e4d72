/**
 * DfE instalments received, due and at risk (src/domain/instalments.ts has the rules), with the
 * instalments at risk named, for the Overview and the Agreement view.
 */
import type { YearFigures } from '../../domain/calculate';
import { formatPounds } from '../../domain/format';
import { countedText, instalmentPosition, type InstalmentItem } from '../../domain/instalments';
import type { Report } from '../../domain/report';
import { useWorkspace } from '../../store/hooks';
import { formatDate } from '../../domain/format';

const EMPTY: never[] = [];

function itemText(i: InstalmentItem): string {
  const what = i.status === 'withheld' ? 'withheld' : i.status === 'scheduled' ? 'scheduled' : 'agreed, no instalments recorded yet';
  return `${i.label}: ${formatPounds(i.amount)} ${what}${i.date ? ` (${formatDate(i.date)})` : ''}${i.note ? `: ${i.note}` : ''}`;
}

export function InstalmentsSummary({ report, y }: { report: Report; y: YearFigures }) {
  const instalments = useWorkspace((s) => s.dataset.instalments) ?? EMPTY;
  if (y.dfeContributionsToDate === null) return null;
  const pos = instalmentPosition(report, instalments, y);
  return (
    <div className="instalments" data-testid="instalments">
      <dl className="figures">
        <div className="figure" data-testid="instalments-received">
          <dt>DfE contributions counted in the net deficit to the end of {y.label}</dt>
          <dd><span className="figure-value">{formatPounds(pos.counted)}</span>
            <span className="figure-detail">{countedText(pos, formatPounds)}{pos.withheld > 0 && `; ${formatPounds(pos.withheld)} withheld`}</span>
          </dd>
        </div>
        <div className="figure" data-testid="instalments-due">
          <dt>Due, subject to progress</dt>
          <dd><span className="figure-value">{formatPounds(pos.due)}</span></dd>
        </div>
        <div className="figure" data-testid="instalments-at-risk">
          <dt>At risk</dt>
          <dd>
            <span className="figure-value">{formatPounds(pos.atRisk)}</span>
            <span className="figure-detail">{pos.atRisk === 0 ? 'none: no instalment withheld and no year off track' : 'withheld, or due while the deficit is off track (red)'}</span>
          </dd>
        </div>
      </dl>
      {pos.atRiskItems.length > 0 && (
        <>
          <p>Instalments at risk:</p>
          <ul data-testid="at-risk-list">{pos.atRiskItems.map((i, k) => <li key={k}>{itemText(i)}</li>)}</ul>
        </>
      )}
    </div>
  );
}
