/**
 * The exact figure behind a table cell, for the CSV export: a money cell shows "(£136,000)" but
 * carries data-value="-136000.00", so an exported table keeps numbers as numbers, to the penny.
 */
import { toFixed2 } from '../../domain/money';
import type { Pence } from '../../model/money';

export function cellValue(p: Pence | null | undefined): { 'data-value'?: string } {
  return p === null || p === undefined ? {} : { 'data-value': toFixed2(p) };
}
