/**
 * The phone menu: on a narrow screen the header's controls and the navigation fold away behind
 * one button (a disclosure: aria-expanded on the button). Escape closes it and puts focus back
 * on the button; so does a click outside the header.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useMenu(buttonRef: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const header = buttonRef.current?.closest('header');
      if (header && e.target instanceof Node && !header.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open, buttonRef]);
  return { open, toggle, close };
}
