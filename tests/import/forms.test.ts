/** Table tests for every accepted and rejected form of each reader in forms.ts, and the column stage that applies them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowReader } from '../../src/import/columns';
import {
  moveTrailingMinus,
  numberEvidence,
  parseMonDate,
  periodCodeOf,
  singleYearOf,
  swapSeparators,
  titleValues,
  unitOf,
  unitsRow,
  withUnit,
} from '../../src/import/forms';
import type { ColumnMap } from '../../src/import/kinds';
import type { RowContext } from '../../src/import/problems';
import { noForms, type SourceForms } from '../../src/import/sourceForms';
import { importText } from '../../src/import/importFile';

function reader(header: string[], map: Partial<ColumnMap>, forms: Partial<SourceForms> = {}) {
  const ctx: RowContext = { file: 't.csv', header, errors: [], warnings: [], skipped: [], errorCount: 0 };
  const full: ColumnMap = { kind: 'budget', fields: {}, months: [], extra: [], ytd: false, ...map };
  return { ctx, r: new RowReader(ctx, full, { ...noForms(), ...forms }) };
}

/** One money cell read by the column stage with the given forms: pence, null (empty), or the error message. */
function money(raw: string, forms: Partial<SourceForms> = {}): number | null | string {
  const { ctx, r } = reader(['Budget'], { fields: { budget: 0 } }, forms);
  r.start([raw], 2);
  const v = r.moneyAt(0);
  return v === undefined ? ctx.errors[0]!.message : v;
}

describe('numberEvidence: what a cell says about the number format', () => {
  it.each([
    ['1,234.56', 'uk'], ['£1,234', 'uk'], ['12.5', 'uk'], ['1234.56', 'uk'], ['1234.567', 'uk'], ['1.5E+06', 'uk'], ['£6.089m', 'uk'],
    ['1,234,567', 'uk'], ['(1,234.56)', 'uk'],
    ['22.589,63', 'european'], ['589,63', 'european'], ['1234,5', 'european'], ['1.234.567', 'european'], ['1.250,00-', 'european'],
    ['22.590', 'ambiguous'], ['1.234', 'ambiguous'], ['-999.000', 'ambiguous'],
    ['1234', 'neutral'], ['-', 'neutral'], ['', 'neutral'], ['£196k', 'neutral'],
  ])('%s is %s', (raw, want) => expect(numberEvidence(raw)).toBe(want));
});

describe('the small cell rewrites', () => {
  it.each([['12,345.67-', '-12,345.67'], ['500-', '-500'], ['-500', '-500'], ['-', '-'], ['abc-', 'abc-'], ['1,234.56', '1,234.56']])(
    'moveTrailingMinus(%s) = %s', (raw, want) => expect(moveTrailingMinus(raw)).toBe(want));
  it.each([['22.589,63', '22,589.63'], ['1.250,00-', '1,250.00-'], ['(1.234,56)', '(1,234.56)']])(
    'swapSeparators(%s) = %s', (raw, want) => expect(swapSeparators(raw)).toBe(want));
  it.each([
    ['1,234.5', 3, '1,234.5k'], ['(1,234.5)', 3, '(1,234.5k)'], ['-£12', 6, '-£12m'], ['1,234.5 CR', 3, '1,234.5k CR'], ['12', 0, '12'],
  ])('withUnit(%s, %i) = %s', (raw, exp, want) => expect(withUnit(raw, exp)).toBe(want));
  it('withUnit refuses a cell with a unit of its own', () => expect(withUnit('£6.1m', 3)).toBeUndefined());
});

describe('units: unitOf and unitsRow', () => {
  it.each([
    ['Budget £000', 3], ["Budget £'000", 3], ['(£000s)', 3], ['£k', 3], ['Forecast (£k)', 3], ['£m', 6], ['Outturn £m', 6],
    ['£ thousands', 3], ['£ millions', 6], ['GBP 000', 3], ["All figures £'000", 3], ['figures in thousands', 3],
  ])('%s is 10^%i', (text, exp) => expect(unitOf(text)?.exp).toBe(exp));
  it.each([['Budget'], ['Budget £'], ['Spending over £500'], ['2000'], ['£1000'], ['Amount (£)']])('%s has no unit', (text) => expect(unitOf(text)).toBeUndefined());
  it('reads a units row, by column', () => {
    expect(unitsRow(['', '', '£000', "£'000", '£'])).toEqual([undefined, undefined, 3, 3, 0]);
    expect(unitsRow(['', 'Budget', '£000'])).toBeUndefined();
    expect(unitsRow(['', '£', ''])).toBeUndefined();
  });
});

describe('title lines', () => {
  it.each([
    [['Financial Year: 2023/24', 'Period: 6'], 2023, 6],
    [['Budget Monitoring 2023/24'], 2023, undefined],
    [['Period 6 (September 2023)'], 2023, 6],
    [['DSG outturn 2022-2023 – Month 12'], 2022, 12],
    [['Financial Year: 2023/24 Period: 6'], 2023, 6],
  ])('%j gives year %s, period %s', (lines, fy, period) => {
    const t = titleValues(lines.map((l) => [l]), lines.length);
    expect(t.year?.fy).toBe(fy);
    expect(t.period?.period).toBe(period);
  });
  it('applies no year where two are named', () => {
    const t = titleValues([['Budget 2023/24 compared with 2022/23']], 1);
    expect(t.year).toBeUndefined();
    expect(t.conflictingYears).toMatch(/2023\/24/);
  });
  it.each([['Period 13'], ['Printed 01/02/2024'], ['Anytown Council']])('%s gives no period', (line) => expect(titleValues([[line]], 1).period).toBeUndefined());
});

describe('dates, period codes and single years', () => {
  it.each([
    ['02-APR-2023', { period: 1, month: 4, year: 2023 }], ['2-Apr-23', { period: 1, month: 4, year: 2023 }],
    ['31-MAR-2024 00:00:00', { period: 12, month: 3, year: 2024 }], ['29-FEB-2024', { period: 11, month: 2, year: 2024 }],
  ])('parseMonDate(%s)', (raw, want) => expect(parseMonDate(raw)).toEqual(want));
  it.each([['31-FEB-2023'], ['02-XYZ-2023'], ['APR-23'], ['02/04/2023'], ['00-APR-2023']])('parseMonDate rejects %s', (raw) => expect(parseMonDate(raw)).toBeUndefined());
  it.each([
    ['202304', { kind: 'yyyypp', year: 2023, nn: 4 }], ['202313', { kind: 'yyyypp', year: 2023, nn: 13 }],
    ['001/2024', { kind: 'ppp/yyyy', year: 2024, nn: 1 }], ['012.2023', { kind: 'ppp/yyyy', year: 2023, nn: 12 }],
  ])('periodCodeOf(%s)', (raw, want) => expect(periodCodeOf(raw)).toEqual(want));
  it.each([['2023-04'], ['04/2023'], ['1'], ['20230'], ['1/2024'], ['199901']])('periodCodeOf(%s) is none', (raw) => expect(periodCodeOf(raw)).toBeUndefined());
  it.each([['2023', 2023], ['FY2024', 2024], ['FY 24', 2024], ['fy23', 2023]])('singleYearOf(%s) = %i', (raw, y) => expect(singleYearOf(raw)).toBe(y));
  it.each([['2023-24'], ['FY23/24'], ['23/24'], ['April 2023']])('singleYearOf(%s) is none', (raw) => expect(singleYearOf(raw)).toBeUndefined());
});

describe('the column stage reads each period form (RowReader.periodAt)', () => {
  const period = (raw: string, forms: Partial<SourceForms> = {}) => {
    const { ctx, r } = reader(['Period'], { kind: 'actuals', fields: { period: 0 } }, forms);
    r.start([raw], 2);
    const v = r.periodAt(0, raw);
    return v ?? ctx.errors[0]!.message;
  };
  it.each([
    ['202304', { periodCode: 'calendar' }, { period: 1, month: 4, year: 2023 }],
    ['202304', { periodCode: 'fiscal', singleYear: 'start' }, { period: 4, month: 7, year: 2023 }],
    ['202304', { periodCode: 'fiscal', singleYear: 'end' }, { period: 4, month: 7, year: 2022 }],
    ['001/2024', { singleYear: 'start' }, { period: 1, month: 4, year: 2024 }],
    ['012/2024', { singleYear: 'end' }, { period: 12, month: 3, year: 2024 }],
    ['APR-23', {}, { period: 1, month: 4, year: 2023 }],
    ['JAN-2024', {}, { period: 10, month: 1, year: 2024 }],
    ['02/04/2023', {}, { period: 1, month: 4, year: 2023 }],
    ['02.04.2023', {}, { period: 1, month: 4, year: 2023 }],
    ['02-APR-2023', {}, { period: 1, month: 4, year: 2023 }],
    ['2023-04-03 00:00:00', {}, { period: 1, month: 4, year: 2023 }],
  ] as [string, Partial<SourceForms>, object][])('%s with %j', (raw, forms, want) => expect(period(raw, forms)).toEqual(want));
  it.each([
    ['202304', {}, /may be year and month or year and fiscal period.*period-code option/],
    ['202304', { periodCode: 'fiscal' }, /fiscal year 2023 may be 2023-24 or 2022-23.*single-year option/],
    ['001/2024', {}, /single-year option/],
    ['202313', { periodCode: 'fiscal', singleYear: 'start' }, /fiscal period 13 is outside 1 to 12/],
    ['013/2024', { singleYear: 'start' }, /year-end adjustments/],
    ['202313', { periodCode: 'calendar' }, /month outside 1 to 12/],
    ['31-FEB-2023', {}, /not a period or month/],
    ['02/13/2023', {}, /not a period or month/],
  ] as [string, Partial<SourceForms>, RegExp][])('%s with %j is refused', (raw, forms, want) => expect(period(raw, forms)).toMatch(want));
});

describe('the column stage reads single-number years (RowReader.year)', () => {
  const year = (raw: string, forms: Partial<SourceForms> = {}) => {
    const { ctx, r } = reader(['Year'], { fields: { year: 0 } }, forms);
    r.start([raw], 2);
    return r.year() ?? ctx.errors[0]!.message;
  };
  it.each([['2023', 'start', 2023], ['2023', 'end', 2022], ['FY2024', 'end', 2023], ['FY2024', 'start', 2024], ['2023-24', undefined, 2023]] as const)(
    '%s as the %s year is %i', (raw, single, fy) => expect(year(raw, single ? { singleYear: single } : {})).toBe(fy));
  it('asks where nothing says which', () => expect(year('FY2023')).toMatch(/2023 may be 2023-24 or 2022-23.*single-year option/));
  it('resolves it from the dates in the file', () => {
    const r = importText('Fiscal Year,Period,Posting Date,Block,Line,Reference,Amount\nFY2024,1,03/04/2023,HN,Top up,A1,10.00\n', 'y.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.actuals[0]!.fy).toBe(2023); // FY2024 here ends in 2024: 2023-24
  });
});

describe('the column stage reads money in the file\'s forms (RowReader.moneyAt)', () => {
  it.each([
    ['12,345.67-', {}, -1234567],
    ['22.589,63', { numberFormat: 'european' }, 2258963],
    ['1.250,00-', { numberFormat: 'european' }, -125000],
    ['(1.234,56)', { numberFormat: 'european' }, -123456],
    ['22.590', { numberFormat: 'european' }, 2259000],
    ['22.590', { numberFormat: 'uk' }, 2259],
    ['1234', { numberFormat: 'european' }, 123400],
    ['1,234.5', { unitExp: [3] }, 123450000],
    ['1234', { unitExp: [3] }, 123400000],
    ['3,210.25', { unitExp: [3] }, 321025000],
    ['1.2345', { unitExp: [3] }, 123450],
    ['(20.0)', { unitExp: [3] }, -2000000],
    ['6.0895', { unitExp: [6] }, 608950000],
    ['1.234,5', { unitExp: [3], numberFormat: 'european' }, 123450000],
    ['', { unitExp: [3] }, null],
    ['-', { unitExp: [3] }, 0],
  ] as [string, Partial<SourceForms>, number | null][])('%s with %j', (raw, forms, want) => expect(money(raw, forms)).toBe(want));
  it.each([
    ['22.590', {}, /could be whole pounds with a thousands point/],
    ['1,234.56', { numberFormat: 'european' }, /UK form.*European style/],
    ['22.589,63', { numberFormat: 'uk' }, /European form.*UK style/],
    ['£6.1m', { unitExp: [3] }, /a unit of its own/],
    ['12-34', {}, /not an amount of money/],
    ['--5', {}, /not an amount of money/],
    ['(5)-', {}, /unbalanced parentheses/],
    ['-5-', {}, /two signs|more than one way/],
  ] as [string, Partial<SourceForms>, RegExp][])('%s with %j is refused', (raw, forms, want) => expect(money(raw, forms)).toMatch(want));
  it('nets debit and credit columns; both empty is missing, not zero', () => {
    const { ctx, r } = reader(['Dr', 'Cr'], { kind: 'ledger', fields: { debit: 0, credit: 1, actual: 0 } }, { debitCol: 0, creditCol: 1 });
    const net = (dr: string, cr: string) => {
      r.start([dr, cr], 2);
      return r.moneyAt(0);
    };
    expect(net('4,200.00', '')).toBe(420000);
    expect(net('', '300.00')).toBe(-30000);
    expect(net('100.00', '30.50')).toBe(6950);
    expect(net('', '')).toBeNull();
    expect(net('abc', '')).toBeUndefined();
    expect(ctx.errors[0]).toMatchObject({ column: 'A (Dr)', value: 'abc' });
  });
  it('a units row and a header unit are applied per column, with a warning naming the unit', () => {
    const r = importText('Financial Year,Block,Line,Budget £000,Forecast\n,,,,£m\n2023-24,HN,Top up,"6,089.5",\n', 'u.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.budgets[0]!.budget).toBe(608950000);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/D \(Budget £000\) in £000 \(from its header\)/);
  });
  it('an ordinary file keeps the SPEC section 3 money rules', () => {
    expect(money('£1,234.56')).toBe(123456);
    expect(money('1,234.56 CR')).toBe(-123456);
    expect(money('(£196k)')).toBe(-19600000);
    expect(money('1.2.3')).toMatch(/two decimal points/);
  });
});

/** A value of pence printed as a finance system would, in either locale. */
function print(pence: bigint, locale: 'uk' | 'european', decimals: boolean): string {
  const neg = pence < 0n;
  const abs = neg ? -pence : pence;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'uk' ? ',' : '.');
  const frac = (abs % 100n).toString().padStart(2, '0');
  const body = decimals ? `${whole}${locale === 'uk' ? '.' : ','}${frac}` : whole;
  return neg ? `-${body}` : body;
}

describe('property: European and UK numbers read back exactly, and 22.590 is never pence', () => {
  const pence = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
  it('a value printed in either locale reads back exactly in a file of that locale', () => {
    fc.assert(fc.property(pence, fc.constantFrom('uk', 'european') as fc.Arbitrary<'uk' | 'european'>, (p, locale) => {
      expect(money(print(p, locale, true), { numberFormat: locale })).toBe(Number(p));
    }), { numRuns: 500 });
  });
  it('whole pounds with a thousands point are pounds in a European file, and refused where the file does not say', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1000n, max: 999_999_999n }), (pounds) => {
      const printed = print(pounds * 100n, 'european', false);
      expect(money(printed, { numberFormat: 'european' })).toBe(Number(pounds * 100n));
      const undecided = money(printed);
      // Never a number of pence other than the pounds: refused where it could be read either way.
      expect(undecided === Number(pounds * 100n) || typeof undecided === 'string').toBe(true);
      if (/^\d{1,3}\.\d{3}$/.test(printed)) expect(undecided).toMatch(/thousands point/);
    }), { numRuns: 500 });
  });
});
