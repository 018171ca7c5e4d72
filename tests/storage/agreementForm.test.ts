/** The agreement editor's validation. */
import { describe, expect, it } from 'vitest';
import { toRows, validateRows, type AgreementRow } from '../../src/views/settings/agreementForm';

const row = (r: Partial<AgreementRow>): AgreementRow => ({ year: '2022-23', profile: '11,700,000', contribution: '5160000', surplusRequired: false, openingDeficit: '', ...r });

describe('the agreement editor', () => {
  it('reads years and amounts as councils write them, exactly', () => {
    const v = validateRows([row({ openingDeficit: '£9.131m' }), row({ year: '2023/24', profile: '£13m', contribution: '1,550,000', surplusRequired: true })]);
    expect(v).toEqual({
      ok: true,
      years: [
        { fy: 2022, profile: 1_170_000_000, contribution: 516_000_000, surplusRequired: false, openingDeficit: 913_100_000 },
        { fy: 2023, profile: 1_300_000_000, contribution: 155_000_000, surplusRequired: true },
      ],
    });
    expect(toRows((v as unknown as { years: never[] }).years)[0]).toEqual(row({ profile: '11700000.00', contribution: '5160000.00', openingDeficit: '9131000.00' }));
  });

  it('names each bad cell and what is accepted', () => {
    const v = validateRows([row({ year: 'FY2023' }), row({ profile: '' }), row({ year: '2023-24', contribution: '1,23' }), row({ year: '2022-23' })]);
    expect(v.ok).toBe(false);
    const errors = (v as { errors: { row: number; field: string; message: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([[0, 'year'], [1, 'profile'], [2, 'contribution'], [3, 'year']]);
    expect(errors[0]!.message).toContain('ambiguous');
    expect(errors[3]!.message).toContain('already on row');
  });

  it('takes the opening deficit on the first year only', () => {
    const v = validateRows([row({}), row({ year: '2023-24', openingDeficit: '1' })]);
    expect(v).toEqual({ ok: false, errors: [{ row: 1, field: 'openingDeficit', message: 'Opening deficit: give it on the first year only' }] });
  });
});
