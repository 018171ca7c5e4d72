/**
 * A map keyed by a line's identity (its year, block, name as `lineKey` compares it, and cost
 * centre), as `lineId` keys it, without building that key string for every line: the merge, the
 * import and the join meet each of a big council's lines several times, and a string per line per
 * pass, hashed and then garbage, was most of their time. A cost centre nearly always names one
 * line, so lines are found by it first, then checked; lines without one by year, block and name.
 */
import { lineKey } from '../model/dataset';

type Line = { fy: number; block: string; line: string; costCentre?: string | undefined };

interface Slot<T> {
  fy: number;
  block: string;
  key: string;
  value: T;
  /** Another line with the same cost centre (a code used in two years, or on two lines). */
  next: Slot<T> | undefined;
}

export class LineMap<T> {
  private readonly byCentre = new Map<string, Slot<T>>();
  private readonly byName = new Map<number, Map<string, Map<string, T>>>();

  get(l: Line): T | undefined {
    return this.find(l.fy, l.block, l.line, l.costCentre ?? '');
  }

  /** The same as get, for a line not yet made (an import's row): no object for the asking. */
  find(fy: number, block: string, line: string, costCentre: string): T | undefined {
    const key = lineKey(line);
    if (costCentre === '') return this.byName.get(fy)?.get(block)?.get(key);
    for (let s = this.byCentre.get(costCentre); s; s = s.next) if (s.fy === fy && s.key === key && s.block === block) return s.value;
    return undefined;
  }

  set(l: Line, value: T): void {
    this.put(l.fy, l.block, l.line, l.costCentre ?? '', value, true);
  }

  /** The line's value; where it has none, `value` is set and undefined returned (one lookup for both). */
  getOrSet(l: Line, value: T): T | undefined {
    return this.put(l.fy, l.block, l.line, l.costCentre ?? '', value, false);
  }

  /** Sets the value of a line not yet made. */
  add(fy: number, block: string, line: string, costCentre: string, value: T): void {
    this.put(fy, block, line, costCentre, value, true);
  }

  private put(fy: number, block: string, line: string, costCentre: string, value: T, replace: boolean): T | undefined {
    const key = lineKey(line);
    if (costCentre === '') {
      let blocks = this.byName.get(fy);
      if (!blocks) this.byName.set(fy, (blocks = new Map()));
      let names = blocks.get(block);
      if (!names) blocks.set(block, (names = new Map()));
      const found = names.get(key);
      if (found === undefined || replace) names.set(key, value);
      return found;
    }
    const first = this.byCentre.get(costCentre);
    for (let s = first; s; s = s.next) {
      if (s.fy === fy && s.key === key && s.block === block) {
        const found = s.value;
        if (replace) s.value = value;
        return found;
      }
    }
    this.byCentre.set(costCentre, { fy, block, key, value, next: first });
    return undefined;
  }
}
