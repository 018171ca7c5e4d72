import { describe, expect, it, test } from 'vitest';
import { detect, headOf } from '../../src/import/importFile';
import { KINDS, type Kind } from '../../src/model/kinds';
import { describeRequired, mapColumns, normaliseHeader, parseMonthHeader, satisfies, type Field } from '../../src/import/kinds';

describe('normaliseHeader: case, punctuation, £ and (£) ignored (SPEC 5)', () => {
  test.each([
    ['Revised Budget £', 'revised budget'],
    ['Revised Budget (£)', 'revised budget'],
    ['BUDGET (£)', 'budget'],
    ['Fin. Year', 'fin year'],
    ['financial_year', 'financial year'],
    ['  Cost-Centre  ', 'cost centre'],
    ['Budget Heading', 'budget heading'],
    ['P1', 'p 1'],
    ['Early Years & Childcare', 'early years and childcare'],
    ['£', ''],
  ])('%j → %j', (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

/** The field a header maps to within a kind, given a row that holds it among the kind's other columns. */
function fieldOf(kind: Kind, header: string[], column: string): Field | undefined {
  const map = mapColumns(kind, header);
  const col = header.indexOf(column);
  return (Object.entries(map.fields) as [Field, number][]).find(([, c]) => c === col)?.[0];
}

describe('header synonyms (SPEC 5 table)', () => {
  const budget = (h: string) => fieldOf('budget', [h], h);
  test.each([
    ['Fin Year', 'year'],
    ['Financial Year', 'year'],
    ['Year', 'year'],
    ['FY', 'year'],
    ['financial_year', 'year'],
    ['Funding Block', 'block'],
    ['Block', 'block'],
    ['DSG Block', 'block'],
    ['Budget Heading', 'line'],
    ['Heading', 'line'],
    ['Description', 'line'],
    ['Service', 'line'],
    ['Line', 'line'],
    ['Budget Line', 'line'],
    ['Revised Budget £', 'budget'],
    ['Annual Budget', 'budget'],
    ['Original Budget', 'budget'],
    ['Budget £', 'budget'],
    ['Budget (£)', 'budget'],
    ['Budget', 'budget'],
    ['Cost Centre', 'costCentre'],
    ['Cost Code', 'costCentre'],
    ['Cost Center', 'costCentre'],
    ['Notes', 'commentary'],
  ] as const)('budget: %j is the %s column', (header, field) => {
    expect(budget(header)).toBe(field);
  });

  const actual = (h: string) => fieldOf('actuals', [h], h);
  test.each([
    ['Period', 'period'],
    ['Month', 'period'],
    ['Actual', 'actual'],
    ['Actuals', 'actual'],
    ['Spend', 'actual'],
    ['Amount', 'actual'],
    ['Value', 'actual'],
    ['Net', 'actual'],
    ['Forecast Outturn', 'forecast'],
    ['Forecast', 'forecast'],
    ['Projected Outturn', 'forecast'],
    ['Commentary', 'commentary'],
    ['Comment', 'commentary'],
    ['Notes', 'commentary'],
    ['Explanation', 'commentary'],
    ['Cost Centre', 'costCentre'],
    ['Supplier', 'supplier'],
    ['Reference', 'reference'],
    ['Date', 'date'],
  ] as const)('actuals: %j is the %s column', (header, field) => {
    expect(actual(header)).toBe(field);
  });

  const funding = (h: string) => fieldOf('funding', [h], h);
  test.each(['DSG Income', 'Allocation', 'Grant', 'DSG Allocation'])('funding: %j is DSG income', (h) => {
    expect(funding(h)).toBe('income');
  });

  const agreement = (h: string) => fieldOf('agreement', [h], h);
  test.each([
    ['Cumulative Deficit', 'profile'],
    ['Deficit Profile', 'profile'],
    ['Forecast DSG Deficit', 'profile'],
    ['DfE Contribution', 'contribution'],
    ['Contribution', 'contribution'],
    ['In year surplus required', 'surplusRequired'],
    ['Opening Deficit', 'openingDeficit'],
    ['Financial Year', 'year'],
  ] as const)('agreement: %j is the %s column', (header, field) => {
    expect(agreement(header)).toBe(field);
  });

  it('prefers a revised budget to an original one and lists the other as extra', () => {
    const header = ['Year', 'Block', 'Heading', 'Original Budget', 'Revised Budget £'];
    const map = mapColumns('budget', header);
    expect(map.fields.budget).toBe(4);
    expect(map.extra).toEqual([3]);
    const reversed = mapColumns('budget', ['Year', 'Block', 'Heading', 'Revised Budget £', 'Original Budget']);
    expect(reversed.fields.budget).toBe(3);
    expect(reversed.extra).toEqual([4]);
  });

  it('flags a year-to-date actual column', () => {
    expect(mapColumns('actuals', ['Year', 'Period', 'Block', 'Line', 'YTD Actual']).ytd).toBe(true);
    expect(mapColumns('actuals', ['Year', 'Period', 'Block', 'Line', 'Actual']).ytd).toBe(false);
  });
});

describe('month headers for wide actuals and budget profiles', () => {
  test.each([
    ['Apr-22', { period: 1, month: 4, year: 2022 }],
    ['Mar-23', { period: 12, month: 3, year: 2023 }],
    ['P1', { period: 1 }],
    ['P12', { period: 12 }],
    ['Period 7', { period: 7 }],
    ['M01', { period: 1 }],
    ['April', { period: 1, month: 4 }],
    ['March', { period: 12, month: 3 }],
    ['Apr-22 Actual', { period: 1, month: 4, year: 2022 }],
    ['Actual Apr-22', { period: 1, month: 4, year: 2022 }],
    ['Jan-23 £', { period: 10, month: 1, year: 2023 }],
  ])('%j → %o', (header, value) => {
    expect(parseMonthHeader(header)).toEqual(value);
  });

  test.each(['1', '12', 'Total', 'Year', 'Period', 'Month', 'Block', ''])('%j is not a month header', (header) => {
    expect(parseMonthHeader(header)).toBeUndefined();
  });
});

describe('detect: the kind from the columns', () => {
  const months = ['Apr-22', 'May-22', 'Jun-22', 'Jul-22', 'Aug-22', 'Sep-22', 'Oct-22', 'Nov-22', 'Dec-22', 'Jan-23', 'Feb-23', 'Mar-23'];
  const periods = months.map((_, i) => `P${i + 1}`);
  test.each([
    ['financial_year,block,line,budget', 'budget'],
    ['financial_year,period,block,line,actual', 'actuals'],
    ['financial_year,period,block,line,actual,supplier,reference', 'ledger'],
    ['Trans Date,Block,Budget Heading,Amount,Supplier', 'ledger'],
    [`Financial Year,Block,Service,${months.join(',')},Total`, 'actualsWide'],
    [`Financial Year,Block,Service,${periods.join(',')}`, 'actualsWide'],
    // A wide file's own total column must not turn P1 into a "period" column of long actuals.
    [`Financial Year,Block,Service,${periods.join(',')},Total Actual`, 'actualsWide'],
    [`Financial Year,Block,Service,${periods.join(',')},YTD`, 'actualsWide'],
    ['financial_year,block,dsg_income', 'funding'],
    ['financial_year,deficit_profile,dfe_contribution,in_year_surplus_required,opening_deficit', 'agreement'],
    ['month,plans_at_start,new_plans,plans_at_end,rsa_received', 'ehcp'],
    ['metric,month,target', 'targets'],
    [`financial_year,block,line,budget,${periods.join(',')}`, 'budget'],
  ])('%s → %s', (header, kind) => {
    const det = detect(`${header}\n`);
    expect('error' in det ? det.error : det.map.kind).toBe(kind);
  });

  it('takes the first row within the first 20 that fits, below title lines', () => {
    const titles = Array.from({ length: 19 }, (_, i) => `Report title line ${i + 1}`).join('\n');
    const det = detect(`${titles}\nfinancial_year,block,line,budget\n2022-23,HN,Top up,1\n`);
    expect('error' in det ? det.error : det.headerIndex).toBe(19);
    const tooLate = detect(`${titles}\nOne more title\nfinancial_year,block,line,budget\n`);
    expect('error' in tooLate && tooLate.error).toMatch(/could not be recognised/);
  });

  it('searches only the top of a long file, yet finds a header below titles whose values run over many lines', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `2022-23,HN,Line ${i},1`).join('\n');
    const long = detect(`financial_year,block,line,budget\n${rows}\n`);
    expect('error' in long ? long.error : long.headerIndex).toBe(0);
    // Ten title rows, each a quoted note of twelve lines: the first 84 lines hold fewer than 21 rows.
    const note = `"${Array.from({ length: 12 }, (_, i) => `note line ${i}`).join('\n')}"`;
    const titles = Array.from({ length: 10 }, () => note).join('\n');
    const det = detect(`${titles}\nfinancial_year,block,line,budget\n${rows}\n`);
    expect('error' in det ? det.error : det.headerIndex).toBe(10);
  });

  it('honours the kind the user chose', () => {
    const det = detect('financial_year,period,block,line,actual,supplier\n', 'actuals');
    expect('error' in det ? det.error : det.map.kind).toBe('actuals');
    const wrong = detect('financial_year,block,dsg_income\n', 'budget');
    expect('error' in wrong && wrong.error).toMatch(/budget file/);
    expect('error' in wrong && wrong.accepted).toMatch(/financial year, block, budget line, budget/);
  });

  it('describes what every kind requires', () => {
    for (const kind of KINDS) expect(describeRequired(kind).length).toBeGreaterThan(5);
    expect(describeRequired('actualsWide')).toMatch(/month columns/);
    expect(satisfies(mapColumns('budget', ['year', 'block', 'line']))).toBe(false);
  });
});

describe('headOf: the lines searched for a header', () => {
  it('is the first 84 lines, or the whole text when shorter', () => {
    const text = Array.from({ length: 100 }, (_, i) => `row ${i}`).join('\n');
    expect(headOf(text).split('\n')).toHaveLength(85);
    expect(headOf(text).endsWith('row 83\n')).toBe(true);
    expect(headOf('a,b\n1,2')).toBe('a,b\n1,2');
  });
});
