/**
 * The progress report's year-by-month grids beside the EHCP file: where both give a month's plans
 * issued (newPlans) or made inactive (plansEnded), both figures and the difference are shown,
 * neither taken over the other.
 */
import { GRID_MEASURES, type CaseType, type EhcpMonth, type GridFigure, type GridMeasure } from '../model/dataset';
import type { AgeBand } from '../model/placements';

export const GRID_LABELS: Record<GridMeasure, string> = { newPlans: 'Plans issued', plansEnded: 'Plans made inactive' };
/** The age groups as the progress report's cessations table names them. */
export const AGE_GROUP_LABELS: Record<AgeBand, string> = { 'under 5': 'Age 0-4', '5 to 10': 'Age 5-10', '11 to 15': 'Age 11-15', '16 to 19': 'Age 16-19', '20 to 25': 'Age 20-25' };
export const CASE_LABELS: Record<CaseType, string> = { tribunals: 'Tribunals', mediations: 'Mediations' };

export interface GridComparison {
  measure: GridMeasure;
  month: string;
  grid: number;
  /** The EHCP file's figure for the month, or null where it gives none. */
  ehcp: number | null;
  /** grid − ehcp, or null where the EHCP file gives none. */
  difference: number | null;
}

export interface GridYear {
  measure: GridMeasure;
  year: number;
  /** Jan … Dec; null where the grid printed "-". */
  months: (number | null)[];
  total: number;
}

export function compareGrids(grids: readonly GridFigure[], ehcp: readonly EhcpMonth[]): GridComparison[] {
  const byMonth = new Map(ehcp.map((m) => [m.month, m]));
  return grids.map((g) => {
    const e = byMonth.get(g.month)?.[g.measure];
    return { measure: g.measure, month: g.month, grid: g.count, ehcp: e ?? null, difference: e === undefined ? null : g.count - e };
  });
}

/** The grids as the progress report prints them: a row per measure and year, with its total. */
export function gridYears(grids: readonly GridFigure[]): GridYear[] {
  const rows = new Map<string, GridYear>();
  for (const g of grids) {
    const year = Number(g.month.slice(0, 4));
    const key = `${g.measure}|${year}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { measure: g.measure, year, months: Array<number | null>(12).fill(null), total: 0 }));
    row.months[Number(g.month.slice(5, 7)) - 1] = g.count;
    row.total += g.count;
  }
  return [...rows.values()].sort((a, b) => GRID_MEASURES.indexOf(a.measure) - GRID_MEASURES.indexOf(b.measure) || a.year - b.year);
}

/** The grid's plans made inactive from January to `asAt` ("2023-02"), when it gives every one of those months; else null. */
export function gridYearToDate(grids: readonly GridComparison[], asAt: string): number | null {
  const year = asAt.slice(0, 4);
  const last = Number(asAt.slice(5, 7));
  let sum = 0;
  for (let m = 1; m <= last; m++) {
    const g = grids.find((x) => x.measure === 'plansEnded' && x.month === `${year}-${String(m).padStart(2, '0')}`);
    if (!g) return null;
    sum += g.grid;
  }
  return sum;
}
