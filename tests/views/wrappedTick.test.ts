/** Axis labels wrap to the room each tick has, breaking after hyphens where a word is too long. */
import { describe, expect, it } from 'vitest';
import { charsThatFit, wrapWords } from '../../src/charts/WrappedTick';

describe('wrapWords', () => {
  it.each([
    ['Central School Services', 14, ['Central School', 'Services']],
    ['High Needs in-year adjustments', 10, ['High Needs', 'in-year', 'adjustments']],
    ['2022-23', 14, ['2022-23']],
    ['2022-23', 4, ['2022-', '23']],
    ['22-23', 4, ['22-', '23']],
    ['surplus due', 4, ['surplus', 'due']],
    ['Deficit brought forward', 10, ['Deficit', 'brought', 'forward']],
  ])('%s in %i characters', (text, max, lines) => {
    expect(wrapWords(text, max)).toEqual(lines);
  });
});

describe('charsThatFit', () => {
  it('keeps the preferred width where there is room, and narrows where ticks are close', () => {
    expect(charsThatFit(900, 5, 12, 14)).toBe(14);
    expect(charsThatFit(165, 5, 12, 14)).toBe(4);
    expect(charsThatFit(40, 12, 12, 14)).toBe(3);
    expect(charsThatFit(undefined, 5, 12, 14)).toBe(14);
    expect(charsThatFit('auto', 5, 12, 14)).toBe(14);
  });
});
