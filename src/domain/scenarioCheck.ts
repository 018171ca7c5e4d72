/**
 * A saved scenario read back from storage or a workspace file is checked before use: the file
 * check keeps datasets' later lists as they are, and a hand-edited file could hold anything, so
 * a bad scenario is left out (and said so) rather than breaking the forecast.
 */
import Decimal from 'decimal.js';
import { PLACEMENT_TYPES } from '../model/placements';
import type { SavedScenario } from '../model/dataset';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Drivers and amounts of a sensible size: "1e9000000" is a number, but no forecast can use it. */
const MAX_DRIVER = new Decimal('1e12');
const isDec = (x: unknown) => {
  if (typeof x !== 'string' || x.length > 40) return false;
  try {
    const d = new Decimal(x);
    return d.isFinite() && d.abs().lte(MAX_DRIVER);
  } catch {
    return false;
  }
};
const isMonth = (x: unknown) => typeof x === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(x);
const isType = (x: unknown) => (PLACEMENT_TYPES as readonly unknown[]).includes(x);

export function isSavedScenario(x: unknown): x is SavedScenario {
  if (!isObj(x) || typeof x.name !== 'string' || typeof x.savedAt !== 'string' || !isObj(x.scenario)) return false;
  const s = x.scenario;
  if (!isObj(s.drivers) || !['newPlansPerMonth', 'endingsPerMonth', 'costPerPlan', 'inflation', 'incomeGrowth'].every((k) => isDec((s.drivers as Record<string, unknown>)[k]))) return false;
  if (!Array.isArray(s.oneOffs) || !s.oneOffs.every((o) => isObj(o) && typeof o.label === 'string' && Number.isInteger(o.fy) && isDec(o.pounds))) return false;
  if (!Array.isArray(s.changes) || !s.changes.every((c) => isObj(c) && typeof c.label === 'string' && ['newPlansPerMonth', 'endingsPerMonth', 'costPerPlan'].includes(c.driver as string) && isDec(c.change) && isMonth(c.fromMonth))) return false;
  if (s.placementChanges !== undefined && !(Array.isArray(s.placementChanges) && s.placementChanges.every((c) => isObj(c) && typeof c.label === 'string' && isType(c.type) && isDec(c.change) && isMonth(c.fromMonth) && (c.to === undefined || isType(c.to))))) return false;
  return true;
}
