/**
 * The one place money leaves exact pence: Recharts needs plain numbers for pixel positions.
 * Nothing shown as text is ever formatted from these numbers; tooltips, labels and tables
 * format the exact pence kept beside them.
 */
import { toFixed2 } from '../domain/money';
import type { Pence } from '../model/money';

/** Pounds as a number, for plotting only. */
export function plot(p: Pence): number;
export function plot(p: Pence | null): number | null;
export function plot(p: Pence | null): number | null {
  return p === null ? null : Number(toFixed2(p));
}
