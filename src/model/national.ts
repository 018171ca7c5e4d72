/**
 * National tables as kept: plain strings as published (figures or marks), so they clone into
 * IndexedDB and a workspace file unchanged; cells are read (src/national/cells.ts) when used.
 */

/** The tables a metric reads. */
export type TableId = 'caseload' | 'newplans' | 'requests' | 'timeliness' | 'tribunal' | 'allocations';

export type Level = 'national' | 'regional' | 'la';

/** How the table's periods are written: `202425` (January 2025 census), `2024`, or `2023-24`. */
export type PeriodType = 'academic' | 'calendar' | 'financial';

export interface NationalRow {
  period: string;
  level: Level;
  /** Old (three-digit) LA code, for local authority rows. */
  la?: string;
  /** New LA code (`E06000027`), where the table gives it. */
  laNew?: string;
  /** The authority's, region's or England's name. */
  name: string;
  /** The region an authority is in, where the table says. */
  region?: string;
  /** One cell per column of the table, as published. */
  values: string[];
}

export interface NationalTable {
  id: TableId;
  /** The file the table came from (inside a release zip: its name within it). */
  file: string;
  periodType: PeriodType;
  columns: string[];
  rows: NationalRow[];
}

/** What one dropped file gave: the tables recognised, and what was left aside and why. */
export interface NationalImport {
  tables: NationalTable[];
  ignored: { file: string; reason: string }[];
  warnings: string[];
}

export const TABLE_LABELS: Record<TableId, string> = {
  caseload: 'EHC plans in force each January (SEN2 caseload)',
  newplans: 'New EHC plans in the calendar year (SEN2)',
  requests: 'Requests for EHC needs assessment (SEN2)',
  timeliness: 'EHC plans issued within 20 weeks (SEN2)',
  tribunal: 'SEND Tribunal appeal rate (MoJ and DfE)',
  allocations: 'DSG allocations (ESFA)',
};
