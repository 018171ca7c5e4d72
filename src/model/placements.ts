/** The DfE DSG management plan template's placement types and age bands, and the counts held. */
import type { MonthKey } from './calendar';
import type { Pence } from './money';

/** The DfE DSG management plan template's placement types and age bands (SPEC section 5). */
export const PLACEMENT_TYPES = ['mainstream', 'resourced', 'special', 'independent', 'ap', 'post16', 'other'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export const PLACEMENT_LABELS: Record<PlacementType, string> = {
  mainstream: 'Mainstream school or academy',
  resourced: 'Resourced provision or SEN unit',
  special: 'Maintained special school or special academy',
  independent: 'Non-maintained or independent special school',
  ap: 'Hospital school or alternative provision',
  post16: 'Post-16 and further education',
  other: 'Other or direct payments',
};
export const AGE_BANDS = ['under 5', '5 to 10', '11 to 15', '16 to 19', '20 to 25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Plans in one placement type (and age band and need, where given) at a month or census date. */
export interface PlacementCount {
  month: MonthKey;
  type: PlacementType;
  ageBand?: AgeBand;
  need?: string;
  count: number;
  /** The annual cost of one placement of this type, where the file gives it. */
  annualCost?: Pence;
}
