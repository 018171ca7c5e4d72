/**
 * A forecast scenario (issue 6): the drivers and changes a user sets, all decimal strings so a
 * scenario stores, clones and goes into a workspace file as it is. The projection reads it.
 */
import type { FinancialYear, MonthKey } from './calendar';
import type { PlacementType } from './placements';

/** The drivers a user can change; all decimal strings so they store and clone as they are. */
export interface Drivers {
  newPlansPerMonth: string;
  endingsPerMonth: string;
  /** Pounds a year per plan, at base-year prices. */
  costPerPlan: string;
  /** Yearly cost inflation, as a fraction ("0.03" is 3%). */
  inflation: string;
  /** Yearly DSG income growth, as a fraction. */
  incomeGrowth: string;
}

/** A saving (negative) or pressure (positive) in pounds for one year, or every year from it. */
export interface OneOff {
  label: string;
  fy: FinancialYear;
  pounds: string;
  everyYearFrom?: boolean;
}

/** A change in a driver from a month on: "20 fewer new plans a month from September 2026". */
export interface DriverChange {
  label: string;
  driver: 'newPlansPerMonth' | 'endingsPerMonth' | 'costPerPlan';
  /** Added to the driver (negative to reduce it). */
  change: string;
  /** "2026-09" */
  fromMonth: MonthKey;
}

export interface Scenario {
  drivers: Drivers;
  oneOffs: OneOff[];
  changes: DriverChange[];
  /** Plans moved out of (or between) placement types; used where a placements file is held. */
  placementChanges?: PlacementChange[];
}

/** Plans moved out of a type from a month on (negative change), optionally into another type. */
export interface PlacementChange {
  label: string;
  type: PlacementType;
  /** Added to the plans of the type: "-20" is 20 fewer. */
  change: string;
  /** "2026-09" */
  fromMonth: MonthKey;
  /** Where the plans go instead; without it they leave High Needs altogether. */
  to?: PlacementType;
}
