/**
 * A wide table's scrolling box. On narrow screens it may scroll sideways, so it is focusable and
 * named (WCAG 2.1.1: a keyboard user must be able to scroll it too).
 */
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
