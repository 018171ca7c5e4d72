/**
 * A map keyed by a line's identity (its year, block, name as `lineKey` compares it, and cost
 * centre), as `lineId` keys it, without building that key string for every line: the merge, the
 * import and the join meet each of a big council's lines several times, and a string per line per
 * pass, hashed and then garbage, was most of their time. A cost centre nearly always names one
 * line, so lines are found by it first, then checked; lines without one by their key string.
 */
import { lineId, lineKey } from '../model/dataset';

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
  private readonly byName = new Map<string, T>();

  get(l: Line): T | undefined {
    const cc = l.costCentre ?? '';
    if (cc === '') return this.byName.get(lineId(l));
    const key = lineKey(l.line);
    for (let s = this.byCentre.get(cc); s; s = s.next) if (s.fy === l.fy && s.key === key && s.block === l.block) return s.value;
    return undefined;
  }

  set(l: Line, value: T): void {
    this.put(l, value, true);
  }

  /** The line's value; where it has none, `value` is set and undefined returned (one lookup for both). */
  getOrSet(l: Line, value: T): T | undefined {
    return this.put(l, value, false);
  }

  private put(l: Line, value: T, replace: boolean): T | undefined {
    const cc = l.costCentre ?? '';
    if (cc === '') {
      const id = lineId(l);
      const found = this.byName.get(id);
      if (found === undefined || replace) this.byName.set(id, value);
      return found;
    }
    const key = lineKey(l.line);
    const first = this.byCentre.get(cc);
    for (let s = first; s; s = s.next) {
      if (s.fy === l.fy && s.key === key && s.block === l.block) {
        const found = s.value;
        if (replace) s.value = value;
        return found;
      }
    }
    this.byCentre.set(cc, { fy: l.fy, block: l.block, key, value, next: first });
    return undefined;
  }
}
