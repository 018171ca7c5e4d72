/**
 * Every chart sits in one of these: a heading that states the finding, the chart, a line on how
 * to read it by keyboard, and a "Show as table" disclosure holding the same numbers as a table
 * (screen-reader support in Recharts is partial, so the table is the full alternative).
 */
import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ChartImageButtons } from '../ui/ExportButtons';
import { TableWrap } from '../ui/TableWrap';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/**
 * `minWidth`: for a chart with many categories, the narrowest it is drawn; on a narrower screen
 * it scrolls sideways in its own box rather than squeeze its labels together.
 */
export function ChartFigure(props: { testId: string; title: string; children: ReactNode; table: ReactNode; note?: ReactNode; tableOpen?: boolean; minWidth?: string }) {
  const id = useId();
  const [open, setOpen] = useState(props.tableOpen ?? false);
  const area = useRef<HTMLDivElement>(null);
  return (
    <section className="chart-figure" aria-labelledby={`${id}-title`} data-testid={props.testId}>
      <h3 id={`${id}-title`} className="chart-title">{props.title}</h3>
      {props.note && <p className="chart-note">{props.note}</p>}
      {props.minWidth && <p className="chart-scroll-hint">The chart scrolls sideways.</p>}
      <div className={props.minWidth ? 'chart-area chart-scrolls' : 'chart-area'} style={props.minWidth ? ({ '--chart-min-width': props.minWidth } as CSSProperties) : undefined} ref={area}>
        <ErrorBoundary where={`the chart “${props.title}”`} compact>
          {props.children}
        </ErrorBoundary>
      </div>
      <ChartImageButtons target={area} title={props.title} name={props.testId} />
      <p className="chart-help no-print">Tab to the chart, then use the left and right arrow keys to read each point.</p>
      <details className="chart-table" data-testid={`${props.testId}-table`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{open ? 'Hide the table' : 'Show as table'}</summary>
        <ErrorBoundary where={`the table “${props.title}”`} compact>
          <TableWrap label={`Table: ${props.title}`}>{props.table}</TableWrap>
        </ErrorBoundary>
      </details>
    </section>
  );
}
