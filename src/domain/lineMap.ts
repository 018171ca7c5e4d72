/**
 * A map keyed by a line's identity (its year, block, name as `lineKey` compares it, and cost
 * centre), as `lineId` keys it, without building that key string for every line: the merge, the
 * import and the join meet each of a big council's lines several times, and a string per line per
 * pass, hashed and then garbage, was most of their time. A cost centre nearly always names one
 * line, so lines are found by it first, then checked (by the name as given, and only where that
 * differs by its key); lines without one by year, block and name.
 */
import { lineKey } from '../model/dataset';

type Line = { fy: number; block: string; line: string; costCentre?: string | undefined };

interface Slot<T> {
  fy: number;
  block: string;
  /** The name as first given, and its key once a differently written name is compared with it. */
  line: string;
  key: string | undefined;
  value: T;
  /** Another line with the same cost centre (a code used in two years, or on two lines). */
  next: Slot<T> | undefined;
}

/** Whether the slot holds this line: the same name as given is the same key, so the key is worked out only for a name written differently. */
function holds<T>(s: Slot<T>, fy: number, block: string, line: string): boolean {
  return s.fy === fy && s.block === block && (s.line === line || (s.key ??= lineKey(s.line)) === lineKey(line));
}

export class LineMap<T> {
  private readonly byCentre = new Map<string, Slot<T>>();
  private readonly byName = new Map<number, Map<string, Map<string, T>>>();

  get(l: Line): T | undefined {
    return this.find(l.fy, l.block, l.line, l.costCentre ?? '');
  }

  /** The same as get, for a line not yet made (an import's row): no object for the asking. */
  find(fy: number, block: string, line: string, costCentre: string): T | undefined {
    if (costCentre === '') return this.byName.get(fy)?.get(block)?.get(lineKey(line));
    for (let s = this.byCentre.get(costCentre); s; s = s.next) if (holds(s, fy, block, line)) return s.value;
    return undefined;
  }

  /** The line's value; where it has none, `value` is set and undefined returned (one lookup for both). */
  getOrSet(l: Line, value: T): T | undefined {
    return this.put(l.fy, l.block, l.line, l.costCentre ?? '', value);
  }

  /** Sets the value of a line `find` has just not found: nothing is searched again. */
  addNew(fy: number, block: string, line: string, costCentre: string, value: T): void {
    if (costCentre === '') this.put(fy, block, line, costCentre, value);
    else this.byCentre.set(costCentre, { fy, block, line, key: undefined, value, next: this.byCentre.get(costCentre) });
  }

  /** Forgets a line (a row taken back). */
  delete(l: Line): void {
    const cc = l.costCentre ?? '';
    if (cc === '') {
      this.byName.get(l.fy)?.get(l.block)?.delete(lineKey(l.line));
      return;
    }
    let before: Slot<T> | undefined;
    for (let s = this.byCentre.get(cc); s; before = s, s = s.next) {
      if (!holds(s, l.fy, l.block, l.line)) continue;
      if (before) before.next = s.next;
      else if (s.next) this.byCentre.set(cc, s.next);
      else this.byCentre.delete(cc);
      return;
    }
  }

  /** The line's value, or (where it has none) undefined, with `value` set. */
  private put(fy: number, block: string, line: string, costCentre: string, value: T): T | undefined {
    if (costCentre === '') {
      const key = lineKey(line);
      let blocks = this.byName.get(fy);
      if (!blocks) this.byName.set(fy, (blocks = new Map()));
      let names = blocks.get(block);
      if (!names) blocks.set(block, (names = new Map()));
      const found = names.get(key);
      if (found === undefined) names.set(key, value);
      return found;
    }
    const first = this.byCentre.get(costCentre);
    for (let s = first; s; s = s.next) {
      if (holds(s, fy, block, line)) return s.value;
    }
    this.byCentre.set(costCentre, { fy, block, line, key: undefined, value, next: first });
    return undefined;
  }
}
