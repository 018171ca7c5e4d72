/**
 * A wide table's scrolling box. On narrow screens it may scroll sideways, so it is focusable and
 * named (WCAG 2.1.1: a keyboard user must be able to scroll it too). Below it, the table's
 * "Download as CSV", here once so that every table has it.
 */
import { useRef, type ReactNode, type RefObject } from 'react';
import { TableCsvButton } from './ExportButtons';

/** The scrolling box alone, for tables that carry no download of their own (the forum report's). */
export function ScrollBox({ label, children, boxRef }: { label: string; children: ReactNode; boxRef?: RefObject<HTMLDivElement | null> }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0} ref={boxRef}>
      {children}
    </div>
  );
}

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <>
      <ScrollBox label={label} boxRef={ref}>
        {children}
      </ScrollBox>
      <TableCsvButton target={ref} label={label} />
    </>
  );
}
