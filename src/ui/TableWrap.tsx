/**
 * A wide table's scrolling box. On narrow screens it may scroll sideways, so it is focusable and
 * named (WCAG 2.1.1: a keyboard user must be able to scroll it too), and, only while the table is
 * wider than its box, a line above it says so. Below it, the table's "Download as CSV", here once
 * so that every table has it.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { TableCsvButton } from './ExportButtons';

/** True while the box's content is wider than the box (it scrolls sideways). */
function useOverflows(box: RefObject<HTMLDivElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, [box]);
  return overflows;
}

/** The scrolling box alone, for tables that carry no download of their own (the forum report's). */
export function ScrollBox({ label, children, boxRef }: { label: string; children: ReactNode; boxRef?: RefObject<HTMLDivElement | null> }) {
  const own = useRef<HTMLDivElement>(null);
  const ref = boxRef ?? own;
  const overflows = useOverflows(ref);
  const hintId = useId();
  return (
    <>
      {overflows && (
        <p className="table-scroll-hint no-print" id={hintId} data-testid="table-scroll-hint">
          Scroll sideways to see more columns.
        </p>
      )}
      <div className="table-wrap" role="region" aria-label={label} aria-describedby={overflows ? hintId : undefined} tabIndex={0} ref={ref}>
        {children}
      </div>
    </>
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
