import { describe, expect, it, test } from 'vitest';
import {
  FIRST_FY,
  LAST_FY,
  compareMonths,
  fyLabel,
  fyOfMonth,
  fyOfPeriodOrMonth,
  monthFromIndex,
  monthIndex,
  monthKey,
  monthLabel,
  monthOfKey,
  monthOfPeriod,
  nextMonthKey,
  monthShortLabel,
  parseCalendarMonth,
  parseFinancialYear,
  parsePeriodOrMonth,
  periodOfMonth,
} from '../../src/model/calendar';

describe('parseFinancialYear: accepted forms (SPEC 4) normalise to the starting year', () => {
  test.each([
    ['2022-23', 2022],
    ['2022/23', 2022],
    ['22/23', 2022],
    ['22-23', 2022],
    ['2022-2023', 2022],
    ['2022/2023', 2022],
    ['FY22/23', 2022],
    ['FY2022-23', 2022],
    ['FY22-23', 2022],
    ['fy2022/23', 2022],
    ['FY 2022-23', 2022],
    [' 2022-23 ', 2022],
    ['2022 - 23', 2022],
    ['2022–23', 2022], // en dash
    ['2022—23', 2022], // em dash
    ['2000-01', 2000],
    ['00/01', 2000],
    ['2099-00', 2099],
    ['99-00', 2099],
    ['2099-2100', 2099],
    ['2019-20', 2019],
  ])('%j → %i', (input, fy) => {
    expect(parseFinancialYear(input)).toEqual({ ok: true, value: fy });
  });

  test.each([2000, 2009, 2022, 2099])('fyLabel(%i) parses back to itself', (fy) => {
    expect(parseFinancialYear(fyLabel(fy))).toEqual({ ok: true, value: fy });
  });
});

describe('parseFinancialYear: rejected forms (SPEC 4)', () => {
  test.each([
    ['FY2023', /ambiguous/],
    ['2023', /ambiguous/],
    ['23', /ambiguous/],
    ['FY23', /ambiguous/],
    ['2022-24', /not consecutive/],
    ['2022/22', /not consecutive/],
    ['23/22', /not consecutive/],
    ['2022-2024', /not consecutive/],
    ['1999-00', /outside 2000-01 to 2099-00/],
    ['1999-2000', /outside 2000-01 to 2099-00/],
    ['2100-01', /outside 2000-01 to 2099-00/],
    ['', /empty/],
    ['   ', /empty/],
    ['2022.23', /not a financial year/],
    ['2022-23a', /not a financial year/],
    ['20222-23', /not a financial year/],
    ['2022-023', /not a financial year/],
    ['April 2022', /not a financial year/],
    ['FY', /not a financial year/],
    ['2022 23', /not a financial year/],
  ])('%j is rejected', (input, reason) => {
    const r = parseFinancialYear(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parsePeriodOrMonth: periods and months (SPEC 4)', () => {
  test.each([
    ['1', { period: 1 }],
    ['12', { period: 12 }],
    ['01', { period: 1 }],
    ['P1', { period: 1 }],
    ['p12', { period: 12 }],
    ['P 12', { period: 12 }],
    ['P01', { period: 1 }],
    ['Period 1', { period: 1 }],
    ['Period 01', { period: 1 }],
    ['period12', { period: 12 }],
    ['M01', { period: 1 }],
    ['M1', { period: 1 }],
    ['M12', { period: 12 }],
    ['Month 3', { period: 3 }],
    ['Prd 3', { period: 3 }],
    [' P6 ', { period: 6 }],
  ])('period %j → %o', (input, value) => {
    expect(parsePeriodOrMonth(input)).toEqual({ ok: true, value });
  });

  test.each([
    ['Apr', 1, 4],
    ['apr', 1, 4],
    ['April', 1, 4],
    ['APRIL', 1, 4],
    ['May', 2, 5],
    ['Jun', 3, 6],
    ['Sep', 6, 9],
    ['Sept', 6, 9],
    ['Dec', 9, 12],
    ['Jan', 10, 1],
    ['January', 10, 1],
    ['Feb', 11, 2],
    ['Mar', 12, 3],
    ['March', 12, 3],
    ['Mar.', 12, 3],
  ])('month name %j → period %i (month %i), no year', (input, period, month) => {
    expect(parsePeriodOrMonth(input)).toEqual({ ok: true, value: { period, month } });
  });

  test.each([
    ['Apr-22', 1, 4, 2022],
    ['Apr 2022', 1, 4, 2022],
    ['April 2022', 1, 4, 2022],
    ['April-2022', 1, 4, 2022],
    ["Apr'22", 1, 4, 2022],
    ['Apr/22', 1, 4, 2022],
    ['2022-04', 1, 4, 2022],
    ['2022-4', 1, 4, 2022],
    ['04/2022', 1, 4, 2022],
    ['4/2022', 1, 4, 2022],
    // UK day/month/year, never US
    ['01/04/2022', 1, 4, 2022],
    ['1/4/22', 1, 4, 2022],
    ['01.04.2022', 1, 4, 2022],
    ['01-04-2022', 1, 4, 2022],
    ['12/01/2023', 10, 1, 2023], // 12 January, not 1 December
    ['13/01/2023', 10, 1, 2023],
    ['31/03/2023', 12, 3, 2023],
    ['29/02/2024', 11, 2, 2024], // a leap year
    ['01/04/2022 00:00', 1, 4, 2022],
    ['01/04/2022 09:30:15', 1, 4, 2022],
    ['2022-04-01', 1, 4, 2022],
    ['2022-04-15T00:00:00Z', 1, 4, 2022],
    ['Mar-23', 12, 3, 2023],
    ['Dec 2022', 9, 12, 2022],
    ['January 2023', 10, 1, 2023],
  ])('month with year %j → period %i (month %i of %i)', (input, period, month, year) => {
    expect(parsePeriodOrMonth(input)).toEqual({ ok: true, value: { period, month, year } });
  });

  test.each([
    ['0', /outside 1 to 12/],
    ['13', /outside 1 to 12/],
    ['P0', /outside 1 to 12/],
    ['P13', /outside 1 to 12/],
    ['Period 13', /outside 1 to 12/],
    ['M00', /outside 1 to 12/],
    ['-1', /not a period/],
    ['1.5', /not a period/],
    ['P1.5', /not a period/],
    ['', /empty/],
    ['Ju', /not a month name/],
    ['Foo', /not a month name/],
    ['Foo 2022', /not a month name/],
    ['2022-13', /month outside 1 to 12/],
    ['2022-00', /month outside 1 to 12/],
    ['13/2022', /month outside 1 to 12/],
    ['00/2022', /month outside 1 to 12/],
    ['01/13/2022', /month outside 1 to 12/], // US order: there is no month 13
    ['31/02/2023', /no such day/],
    ['29/02/2023', /no such day/],
    ['31/04/2022', /no such day/],
    ['00/04/2022', /no such day/],
    ['2022-04-31', /no such day/],
    ['1999-04', /year outside/],
    ['2101-01', /year outside/],
    ['April 1999', /year outside/],
  ])('%j is rejected', (input, reason) => {
    const r = parsePeriodOrMonth(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseCalendarMonth: EHCP months need their year (SPEC 4)', () => {
  test.each([
    ['2023-01', 2023, 1],
    ['Jan-23', 2023, 1],
    ['Jan 2023', 2023, 1],
    ['January 2023', 2023, 1],
    ['01/2023', 2023, 1],
    ['01/01/2023', 2023, 1],
    ['31/03/2023', 2023, 3],
    ['2019-01', 2019, 1],
  ])('%j → %i-%i', (input, year, month) => {
    expect(parseCalendarMonth(input)).toEqual({ ok: true, value: { year, month } });
  });

  test.each([
    ['Jan', /needs its year/],
    ['January', /needs its year/],
    ['1', /needs its year/],
    ['P10', /needs its year/],
    ['2023-13', /month outside/],
    ['', /empty/],
    ['31/02/2023', /no such day/],
  ])('%j is rejected', (input, reason) => {
    const r = parseCalendarMonth(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('periods, months and financial years', () => {
  test.each([
    [4, 1],
    [5, 2],
    [12, 9],
    [1, 10],
    [2, 11],
    [3, 12],
  ])('calendar month %i is period %i', (month, period) => {
    expect(periodOfMonth(month)).toBe(period);
  });

  it('monthOfPeriod and periodOfMonth are inverse for every period', () => {
    for (let p = 1; p <= 12; p++) {
      const m = monthOfPeriod(2022, p);
      expect(periodOfMonth(m.month)).toBe(p);
      expect(fyOfMonth(m)).toBe(2022);
    }
    expect(monthOfPeriod(2022, 1)).toEqual({ year: 2022, month: 4 });
    expect(monthOfPeriod(2022, 9)).toEqual({ year: 2022, month: 12 });
    expect(monthOfPeriod(2022, 10)).toEqual({ year: 2023, month: 1 });
    expect(monthOfPeriod(2022, 12)).toEqual({ year: 2023, month: 3 });
  });

  it('a month with a year fixes the financial year', () => {
    expect(fyOfMonth({ year: 2023, month: 3 })).toBe(2022);
    expect(fyOfMonth({ year: 2023, month: 4 })).toBe(2023);
    const apr = parsePeriodOrMonth('Apr-23');
    const mar = parsePeriodOrMonth('31/03/2023');
    expect(apr.ok && fyOfPeriodOrMonth(apr.value)).toBe(2023);
    expect(mar.ok && fyOfPeriodOrMonth(mar.value)).toBe(2022);
    const bare = parsePeriodOrMonth('Apr');
    expect(bare.ok && fyOfPeriodOrMonth(bare.value)).toBeUndefined();
  });

  test.each([
    [2022, '2022-23'],
    [2000, '2000-01'],
    [2009, '2009-10'],
    [2099, '2099-00'],
  ])('fyLabel(%i) = %s', (fy, label) => {
    expect(fyLabel(fy)).toBe(label);
  });

  it('labels months as GOV.UK and table headings write them', () => {
    const m = { year: 2023, month: 3 };
    expect(monthKey(m)).toBe('2023-03');
    expect(monthLabel(m)).toBe('March 2023');
    expect(monthShortLabel(m)).toBe('Mar-23');
    expect(monthShortLabel({ year: 2009, month: 1 })).toBe('Jan-09');
  });

  it('reads a month key back, and steps to the next month across a year end', () => {
    expect(monthOfKey('2023-03')).toEqual({ year: 2023, month: 3 });
    expect(monthOfKey(monthKey({ year: 2009, month: 11 }))).toEqual({ year: 2009, month: 11 });
    expect(nextMonthKey('2023-03')).toBe('2023-04');
    expect(nextMonthKey('2023-12')).toBe('2024-01');
  });

  it('orders and indexes months', () => {
    const a = { year: 2022, month: 12 };
    const b = { year: 2023, month: 1 };
    expect(compareMonths(a, b)).toBeLessThan(0);
    expect(compareMonths(b, a)).toBeGreaterThan(0);
    expect(compareMonths(a, { ...a })).toBe(0);
    expect(monthIndex(b) - monthIndex(a)).toBe(1);
    expect(monthFromIndex(monthIndex(a))).toEqual(a);
    expect(monthFromIndex(monthIndex(b))).toEqual(b);
  });

  it('bounds the financial years accepted at 2000-01 and 2099-00', () => {
    expect(FIRST_FY).toBe(2000);
    expect(LAST_FY).toBe(2099);
  });
});
