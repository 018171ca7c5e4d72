/**
 * A wide table's scrolling box. On narrow screens it may scroll sideways, so it is focusable and
 * named (WCAG 2.1.1: a keyboard user must be able to scroll it too), and, only while the table is
 * wider than its box, a line above it says so. Below it, the table's "Download as CSV", here once
 * so that every table has it.
 *
 * A table given its key columns folds on a phone (below 768 px): only those show (the line's
 * name and the figure the view is about), the rest behind a "Show all columns" button; at 768 px
 * and over, and in print, every column shows. A table still wider than the screen keeps the hint.
 * An empty table (no body rows) keeps to its key columns with no button: there is nothing to unfold.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
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

/**
 * Marks every cell outside the key columns `col-more` (the stylesheet hides them on a phone while
 * the table is folded), by grid position so a cell spanning a key column stays; negative positions
 * count from the end. Re-marks when the table's rows or cells change without this box re-rendering
 * (sorting, filtering, a row added). Returns how many columns fold away, and whether the table
 * has any body rows.
 */
function useKeyColumns(box: RefObject<HTMLDivElement | null>, keyColumns: readonly number[] | undefined): { more: number; rows: boolean } {
  const [more, setMore] = useState(0);
  const [rows, setRows] = useState(false);
  useLayoutEffect(() => {
    const table = box.current?.querySelector('table');
    if (!table || !keyColumns) return;
    const mark = () => {
      const rows = Array.from(table.rows);
      const width = Math.max(0, ...rows.map((r) => Array.from(r.cells).reduce((n, c) => n + c.colSpan, 0)));
      const keys = new Set(keyColumns.map((k) => (k < 0 ? width + k : k)));
      for (const r of rows) {
        let at = 0;
        for (const c of Array.from(r.cells)) {
          let key = false;
          for (let i = at; i < at + c.colSpan; i++) if (keys.has(i)) key = true;
          if (c.classList.contains('col-more') === key) c.classList.toggle('col-more', !key);
          at += c.colSpan;
        }
      }
      setMore(Math.max(0, width - [...keys].filter((k) => k >= 0 && k < width).length));
      setRows(Array.from(table.tBodies).some((b) => b.rows.length > 0));
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  });
  return { more, rows };
}

/** The scrolling box alone, for tables that carry no download of their own (the forum report's). */
export function ScrollBox({ label, children, boxRef, keyColumns }: { label: string; children: ReactNode; boxRef?: RefObject<HTMLDivElement | null>; keyColumns?: readonly number[] | undefined }) {
  const own = useRef<HTMLDivElement>(null);
  const ref = boxRef ?? own;
  const overflows = useOverflows(ref);
  const { more, rows } = useKeyColumns(ref, keyColumns);
  const [folded, setFolded] = useState(true);
  const [said, setSaid] = useState('');
  const hintId = useId();
  const boxId = useId();
  const folds = keyColumns !== undefined && more > 0;
  const toggle = () => {
    setFolded(!folded);
    setSaid(folded ? `All columns of the table are shown.` : `Only the key columns of the table are shown.`);
  };
  return (
    <>
      {folds && rows && (
        <p className="table-fold no-print">
          <button type="button" className="table-fold-button" aria-expanded={!folded} aria-controls={boxId} onClick={toggle} data-testid="table-fold">
            {folded ? `Show all columns (${more} more)` : 'Show the key columns only'}
          </button>
          <span className="visually-hidden" aria-live="polite">{said}</span>
        </p>
      )}
      {overflows && (
        <p className="table-scroll-hint no-print" id={hintId} data-testid="table-scroll-hint">
          Scroll sideways to see more columns.
        </p>
      )}
      <div
        className={folds && folded ? 'table-wrap folded' : 'table-wrap'}
        id={boxId}
        role="region"
        aria-label={label}
        aria-describedby={overflows ? hintId : undefined}
        tabIndex={0}
        ref={ref}
      >
        {children}
      </div>
    </>
  );
}

export function TableWrap({ label, children, keyColumns }: { label: string; children: ReactNode; keyColumns?: readonly number[] | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <>
      <ScrollBox label={label} boxRef={ref} keyColumns={keyColumns}>
        {children}
      </ScrollBox>
      <TableCsvButton target={ref} label={label} />
    </>
  );
}
