/**
 * The progress report's year-by-month grids beside the EHCP file: where both give a month's plans
 * issued (newPlans) or made inactive (plansEnded), both figures and the difference are shown,
 * neither taken over the other.
 */
import { GRID_MEASURES, type EhcpMonth, type GridFigure, type GridMeasure } from '../model/dataset';

export const GRID_LABELS: Record<GridMeasure, string> = { newPlans: 'Plans issued', plansEnded: 'Plans made inactive' };

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
