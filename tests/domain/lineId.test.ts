/** A line's identity (model/dataset.ts lineId): the one key merging, the history and the budget import use. */
import { describe, expect, it } from 'vitest';
import { lineId } from '../../src/model/dataset';

describe('a line’s identity', () => {
  it('ignores what a person would (case, spacing, dashes, quote marks) and keeps year, block and cost centre apart', () => {
    const base = { fy: 2023, block: 'High Needs', line: 'Top-ups – special' };
    expect(lineId({ ...base, line: '  top-ups - SPECIAL ' })).toBe(lineId(base));
    expect(lineId({ ...base, line: 'Children’s homes' })).toBe(lineId({ ...base, line: "children's homes" }));
    expect(lineId({ ...base, fy: 2024 })).not.toBe(lineId(base));
    expect(lineId({ ...base, block: 'Schools' })).not.toBe(lineId(base));
    expect(lineId({ ...base, costCentre: 'HN3002' })).not.toBe(lineId(base));
    // Without a cost centre, the key by block and name.
    expect(lineId({ ...base, costCentre: undefined })).toBe(lineId(base));
  });
});
