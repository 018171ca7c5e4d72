import { describe, expect, test } from 'vitest';
import { BLOCKS, blockOrder, parseBlock } from '../../src/model/blocks';

describe('parseBlock: the names councils use (SPEC 5)', () => {
  test.each([
    ['Schools', 'Schools'],
    ['SB', 'Schools'],
    ['Schools Block', 'Schools'],
    ['schools block', 'Schools'],
    ['DSG Schools Block', 'Schools'],
    ['Central School Services', 'Central School Services'],
    ['CSSB', 'Central School Services'],
    ['Central', 'Central School Services'],
    ['Central School Services Block', 'Central School Services'],
    ['High Needs', 'High Needs'],
    ['HNB', 'High Needs'],
    ['HN', 'High Needs'],
    ['High Needs Block', 'High Needs'],
    ['high-needs', 'High Needs'],
    ['  HIGH   NEEDS  ', 'High Needs'],
    ['Early Years', 'Early Years'],
    ['EYB', 'Early Years'],
    ['EY', 'Early Years'],
    ['Early Years Block', 'Early Years'],
  ])('%j → %s', (input, block) => {
    expect(parseBlock(input)).toBe(block);
  });

  test.each(['', 'Higher Needs', 'Block', 'DSG', 'HNBB', 'Schools and High Needs', 'Nursery', 'General Fund', '1'])(
    '%j names no block',
    (input) => {
      expect(parseBlock(input)).toBeUndefined();
    },
  );

  test('orders blocks as the DfE lists them', () => {
    expect(BLOCKS.map(blockOrder)).toEqual([0, 1, 2, 3]);
    expect(BLOCKS).toEqual(['Schools', 'Central School Services', 'High Needs', 'Early Years']);
  });
});
