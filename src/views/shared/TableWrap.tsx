/**
 * A wide table's scrolling box. On narrow screens it may scroll sideways, so it is focusable and
 * named (WCAG 2.1.1: a keyboard user must be able to scroll it too). Below it, the table's
 * "Download as CSV", here once so that every table has it.
 */
import { useRef, type ReactNode } from 'react';
import { TableCsvButton } from './ExportButtons';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <>
      <div className="table-wrap" role="region" aria-label={label} tabIndex={0} ref={ref}>
        {children}
      </div>
      <TableCsvButton target={ref} label={label} />
    </>
  );
}
