/**
 * A map keyed by a line's identity (its year, block, name as `lineKey` compares it, and cost
 * centre), as `lineId` keys it, without building that key string for every line: the merge and the
 * join meet each of a big council's lines several times, and a string per line per pass, hashed
 * and then garbage, was most of their time.
 */
import { lineKey } from '../model/dataset';

type Line = { fy: number; block: string; line: string; costCentre?: string | undefined };

export class LineMap<T> {
  private readonly years = new Map<number, Map<string, Map<string, Map<string, T>>>>();

  get(l: Line): T | undefined {
    return this.years.get(l.fy)?.get(l.block)?.get(lineKey(l.line))?.get(l.costCentre ?? '');
  }

  set(l: Line, value: T): void {
    this.centres(l).set(l.costCentre ?? '', value);
  }

  /** The line's value; where it has none, `value` is set and undefined returned (one lookup for both). */
  getOrSet(l: Line, value: T): T | undefined {
    const centres = this.centres(l);
    const cc = l.costCentre ?? '';
    const found = centres.get(cc);
    if (found === undefined) centres.set(cc, value);
    return found;
  }

  private centres(l: Line): Map<string, T> {
    let blocks = this.years.get(l.fy);
    if (!blocks) this.years.set(l.fy, (blocks = new Map()));
    let names = blocks.get(l.block);
    if (!names) blocks.set(l.block, (names = new Map()));
    const key = lineKey(l.line);
    let centres = names.get(key);
    if (!centres) names.set(key, (centres = new Map()));
    return centres;
  }
}
