/** A cost-centre map entry: which block and budget line a ledger code belongs to (matching is in `import/costCentreMap.ts`). */
import type { Block } from './blocks';

export const TREATMENTS = ['spend', 'exclude', 'income'] as const;
/**
 * spend: the row is spend on its line (the default); income: income netted against its line, its
 * sign kept as the ledger gives it (a credit lowers the line's spend); exclude: not DSG spend
 * (balance sheet, recharges, DSG grant income already in the funding file), counted apart.
 */
export type Treatment = (typeof TREATMENTS)[number];

export type MapSource = 'hand' | 'file' | 'budget';

export interface MapEntry {
  /** A cost centre or account code, or a prefix ending in `*`; upper case, trimmed. */
  code: string;
  /** With `code`, a combination: the row must carry both (exact codes only). */
  account?: string;
  treatment: Treatment;
  /** Present unless the treatment is exclude. */
  block?: Block;
  line?: string;
  source: MapSource;
}
