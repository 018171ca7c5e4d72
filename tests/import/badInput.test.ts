/**
 * SPEC section 5, "Bad input": every rule gives a clear error naming the file, the row as a
 * spreadsheet shows it, the column and the value; valid rows are still reported separately, and
 * rejected rows add nothing.
 */
import { describe, expect, it, test } from 'vitest';
import { importBytes, importText } from '../../src/import/importFile';
import { formatProblem, type Problem } from '../../src/import/problems';
import { concat, fixtureBytes, importFixture, utf8 } from './helpers';

/** The one error for a row, which must name the file, row, column and value. */
function errorAt(errors: Problem[], row: number): Problem {
  const found = errors.filter((e) => e.row === row);
  expect(found, `errors at row ${row}`).toHaveLength(1);
  return found[0]!;
}

function expectNamed(p: Problem, file: string, row: number, column: string, value: string, message: RegExp) {
  expect(p).toMatchObject({ severity: 'error', file, row, column, value });
  expect(p.message).toMatch(message);
  expect(p.accepted, 'says what would be accepted').toBeTruthy();
  const text = formatProblem(p);
  expect(text).toContain(file);
  expect(text).toContain(`row ${row}`);
  expect(text).toContain(`column ${column}`);
  expect(text).toContain(`value "${value}"`);
}

describe('bad cells in a budget file (fixtures/bad/budget-errors.csv)', () => {
  const r = importFixture('bad/budget-errors.csv');
  const file = 'budget-errors.csv';

  test.each([
    [3, 'D (Budget)', '12a4', /not an amount of money \(letters/],
    [4, 'B (Block)', 'Higher Needs', /not one of the four DSG blocks/],
    [5, 'A (Financial Year)', '2023', /not a financial year \(a single year is ambiguous/],
    [6, 'A (Financial Year)', '1999-00', /outside 2000-01 to 2099-00/],
    [7, 'A (Financial Year)', '2100-01', /outside 2000-01 to 2099-00/],
    [8, 'D (Budget)', '', /the budget is empty \(an empty cell is missing, not zero/],
    [9, 'D (Budget)', '1.2.3', /two decimal points/],
    [10, 'D (Budget)', '1,23', /written in the European form \(1\.234,56\), but the file's amounts are UK style \(as row 2, column D \(Budget\), "£1,234,567\.89", shows\)/],
    [11, 'D (Budget)', '()', /empty parentheses/],
    [12, 'D (Budget)', 'NaN', /not a number/],
    [13, 'D (Budget)', 'Infinity', /not a number/],
  ])('row %i: column %s, value %j', (row, column, value, message) => {
    expectNamed(errorAt(r.errors, row), file, row, column, value, message);
  });

  it('still reports the valid rows, separately from the errors', () => {
    expect(r.errorCount).toBe(11);
    expect(r.rowsRejected).toBe(11);
    expect(r.rowsImported).toBe(2);
    expect(r.data.budgets).toEqual([
      { fy: 2022, block: 'High Needs', line: 'Top up funding', budget: 123456789 },
      { fy: 2022, block: 'Schools', line: 'Falling rolls', budget: 1200000 },
    ]);
  });

  it('accepted text says what would be accepted for each kind of cell', () => {
    expect(errorAt(r.errors, 3).accepted).toMatch(/1,234\.56/);
    expect(errorAt(r.errors, 4).accepted).toMatch(/High Needs/);
    expect(errorAt(r.errors, 5).accepted).toMatch(/2022-23/);
  });
});

describe('bad periods and months in an actuals file (fixtures/bad/actuals-errors.csv)', () => {
  const r = importFixture('bad/actuals-errors.csv');
  const file = 'actuals-errors.csv';

  test.each([
    [3, '13', /period outside 1 to 12/],
    [4, '0', /period outside 1 to 12/],
    [5, 'Apr-23', /the month falls in 2023-24 but the row's financial year is 2022-23/],
    [6, '31/03/2022', /the month falls in 2021-22 but the row's financial year is 2022-23/],
    [7, '31/02/2023', /no such day \(dates are read day\/month\/year\)/],
    [10, 'Apr-2100', /falls in 2100-01, outside the financial years 2000-01 to 2099-00/],
    [11, '', /the period is empty/],
  ])('row %i: period %j', (row, value, message) => {
    expectNamed(errorAt(r.errors, row), file, row, 'B (period)', value, message);
  });

  it('keeps the valid rows and adds nothing from the rejected ones', () => {
    expect(r.rowsImported).toBe(3);
    expect(r.rowsRejected).toBe(7);
    expect(r.data.actuals).toHaveLength(1);
    expect(r.data.actuals[0]!.actuals).toEqual([10000, -5000, null, null, null, null, null, null, null, null, null, 70000]);
  });
});

describe('financial years outside 2000-01 … 2099-00, however they are given', () => {
  it('rejects a month that fixes such a year when the file has no year column', () => {
    const r = importText('period,block,line,actual\nApr-2100,HN,Top up,1\nJan-2000,HN,Top up,2\nApr-22,HN,Top up,3\n', 'actuals.csv');
    expectNamed(errorAt(r.errors, 2), 'actuals.csv', 2, 'A (period)', 'Apr-2100', /2100-01, outside/);
    expectNamed(errorAt(r.errors, 3), 'actuals.csv', 3, 'A (period)', 'Jan-2000', /1999-00, outside/);
    expect(r.data.actuals.map((a) => a.fy)).toEqual([2022]);
  });

  it('names the period column when neither the file nor the period gives a year', () => {
    const r = importText('period,block,line,actual,supplier\n3,HN,Top up,1,Acme\n', 'ledger.csv');
    expectNamed(errorAt(r.errors, 2), 'ledger.csv', 2, 'A (period)', '3', /no financial year/);
  });
});

describe('wide actuals: a bad month cell rejects the whole row', () => {
  const text = [
    'Financial Year,Block,Line,Apr-22,May-22,Jun-22',
    '2022-23,HN,Top up,100.00,200.00,300.00',
    '2022-23,HN,Outreach,100.00,2OO.00,300.00', // letter O for zero
    '2023-24,HN,Therapies,1.00,2.00,3.00', // the headings say 2022-23
  ].join('\n');
  const r = importText(text, 'wide.csv');

  it('names the row, the month column and the value', () => {
    expectNamed(errorAt(r.errors, 3), 'wide.csv', 3, 'E (May-22)', '2OO.00', /letters/);
  });

  it('rejects a year column that disagrees with the month headings', () => {
    const e = errorAt(r.errors, 4);
    expect(e).toMatchObject({ row: 4, column: 'A (Financial Year)', value: '2023-24' });
    expect(e.message).toMatch(/falls in 2022-23 but the row's financial year is 2023-24/);
  });

  it('takes nothing from the rejected rows, not even their good months', () => {
    expect(r.data.actuals.map((a) => a.line)).toEqual(['Top up']);
    expect(r.data.actuals[0]!.actuals.slice(0, 3)).toEqual([10000, 20000, 30000]);
  });

  it('rejects month headings that span two financial years', () => {
    const t = importText('Block,Line,Mar-22,Apr-22\nHN,Top up,1,2\n', 'wide.csv');
    expect(t.errors.some((e) => /span more than one financial year \(2021-22, 2022-23\)/.test(e.message))).toBe(true);
  });
});

describe('duplicate agreement years (fixtures/bad/agreement-duplicate-years.csv)', () => {
  const r = importFixture('bad/agreement-duplicate-years.csv');

  it('names the row, the year column and the value, and the first row with that year', () => {
    expectNamed(errorAt(r.errors, 4), 'agreement-duplicate-years.csv', 4, 'A (financial_year)', '2022/23', /gives 2022-23 twice \(first in row 2\)/);
  });

  it('rejects a surplus flag that is not yes or no', () => {
    expectNamed(errorAt(r.errors, 5), 'agreement-duplicate-years.csv', 5, 'D (in_year_surplus_required)', 'maybe', /not yes or no/);
  });

  it('keeps the first of the duplicated years, unchanged', () => {
    expect(r.data.agreement.map((a) => [a.fy, a.profile])).toEqual([
      [2022, 1170000000],
      [2023, 1300000000],
    ]);
  });
});

describe('EHCP months need a year (fixtures/bad/ehcp-month-without-year.csv)', () => {
  const r = importFixture('bad/ehcp-month-without-year.csv');

  it('names the row, column and value', () => {
    expectNamed(errorAt(r.errors, 2), 'ehcp-month-without-year.csv', 2, 'A (month)', 'Jan', /needs its year/);
    expectNamed(errorAt(r.errors, 4), 'ehcp-month-without-year.csv', 4, 'C (new_plans)', 'x', /not a whole number/);
    expect(r.data.ehcp.map((m) => m.month)).toEqual(['2023-02']);
  });
});

describe('an unclosed quote (fixtures/bad/unclosed-quote.csv)', () => {
  const r = importFixture('bad/unclosed-quote.csv');

  it('names the row, the column and the start of the value, and says the rest of the file was lost', () => {
    const e = errorAt(r.errors, 3);
    expect(e).toMatchObject({ file: 'unclosed-quote.csv', row: 3, column: 'C (line)', value: 'Outreach service,200.00' });
    expect(e.message).toMatch(/a quoted value is not closed \(a " is missing\)/);
    expect(e.message).toMatch(/to the end of the file/);
  });

  it('keeps the rows before it and counts the broken row as rejected', () => {
    expect(r.data.budgets).toEqual([{ fy: 2022, block: 'High Needs', line: 'Top up funding', budget: 10000 }]);
    expect(r.rowsRejected).toBe(1);
  });
});

describe('whole-file errors: clear, never a crash', () => {
  function onlyError(result: ReturnType<typeof importBytes>, file: string, message: RegExp) {
    expect(result.errors).toHaveLength(1);
    expect(result.errorCount).toBe(1);
    expect(result.errors[0]).toMatchObject({ severity: 'error', file });
    expect(result.errors[0]!.message).toMatch(message);
    expect(result.errors[0]!.accepted).toBeTruthy();
    expect(formatProblem(result.errors[0]!)).toContain(file);
    expect(result.data).toEqual({ budgets: [], actuals: [], funding: [], agreement: [], ehcp: [], targets: [] });
  }

  it('an empty file (fixtures/bad/empty.csv)', () => {
    onlyError(importFixture('bad/empty.csv'), 'empty.csv', /the file is empty/);
  });

  test.each([
    ['only whitespace', utf8('  \r\n\r\n  ')],
    ['only a BOM', utf8('\ufeff')],
  ])('a file with %s is empty', (_name, bytes) => {
    onlyError(importBytes(bytes, 'blank.csv'), 'blank.csv', /the file is empty/);
  });

  it('a binary file given to the text reader (fixtures/bad/budget.xlsx: the workbook reader refuses it too, in spreadsheet.test.ts)', () => {
    onlyError(importFixture('bad/budget.xlsx'), 'budget.xlsx', /not text/);
  });

  test.each([
    ['a zip header', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['NUL bytes in text', concat(utf8('financial_year,block,line,budget\n'), [0, 0, 0], utf8('2022-23,HN,x,1\n'))],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
  ])('binary: %s', (_name, bytes) => {
    onlyError(importBytes(bytes, 'data.bin'), 'data.bin', /not text/);
  });

  it('a file whose kind cannot be recognised (fixtures/bad/not-a-dsg-file.csv) lists the columns it saw', () => {
    const r = importFixture('bad/not-a-dsg-file.csv');
    onlyError(r, 'not-a-dsg-file.csv', /could not be recognised/);
    expect(r.errors[0]!.message).toMatch(/columns seen: Name, Address, Telephone/);
    expect(r.errors[0]!.accepted).toMatch(/budget file needs columns for financial year, block, budget line, budget/);
    expect(r.kind).toBeUndefined();
  });

  it('a file over the size limit', () => {
    const bytes = fixtureBytes('messy/budget-1252.csv');
    const r = importBytes(bytes, 'budget-1252.csv', { maxBytes: 100 });
    onlyError(r, 'budget-1252.csv', new RegExp(`the file is ${bytes.length.toLocaleString('en-GB')} bytes, over the limit of 100`));
    expect(importBytes(bytes, 'budget-1252.csv', { maxBytes: bytes.length }).errors).toEqual([]);
  });

  it('a header but no data rows (fixtures/bad/header-only.csv)', () => {
    const r = importFixture('bad/header-only.csv');
    onlyError(r, 'header-only.csv', /a header row but no data rows/);
    expect(r.kind).toBe('budget');
  });

  it('a header with only blank and total rows below it (fixtures/bad/header-blank-and-total-rows.csv)', () => {
    const r = importFixture('bad/header-blank-and-total-rows.csv');
    onlyError(r, 'header-blank-and-total-rows.csv', /a header row but no data rows/);
    expect(r.skipped.map((s) => s.row)).toEqual([2, 4]);
  });
});

describe('rejected rows never add to the totals', () => {
  it('a ledger sums only its valid rows, while every bad row is listed', () => {
    const good: [string, string][] = [];
    const bad: string[] = [];
    const rows: string[] = [];
    for (let i = 0; i < 300; i++) {
      const amount = `${i}.${String(i % 100).padStart(2, '0')}`;
      if (i % 10 === 3) {
        rows.push(`2022-23,P${(i % 12) + 1},High Needs,Top up,${amount}x,Acme`); // bad money
        bad.push(String(rows.length + 1));
      } else if (i % 10 === 7) {
        rows.push(`2022-23,P${(i % 12) + 1},Highest Needs,Top up,${amount},Acme`); // bad block
        bad.push(String(rows.length + 1));
      } else {
        rows.push(`2022-23,P${(i % 12) + 1},High Needs,Top up,${amount},Acme`);
        good.push([String((i % 12) + 1), amount]);
      }
    }
    const r = importText(`financial_year,period,block,line,actual,supplier\n${rows.join('\n')}\n`, 'ledger.csv');
    expect(r.kind).toBe('ledger');
    expect(r.errors.map((e) => String(e.row))).toEqual(bad);
    expect(r.rowsRejected).toBe(60);
    expect(r.rowsImported).toBe(240);
    const want = new Array<bigint>(12).fill(0n);
    for (const [period, amount] of good) {
      const [whole, frac] = amount.split('.');
      want[Number(period) - 1]! += BigInt(whole!) * 100n + BigInt(frac!);
    }
    expect(r.data.actuals).toHaveLength(1);
    expect(r.data.actuals[0]!.actuals.map((v) => BigInt(v ?? 0))).toEqual(want);
  });

  it('a second actual for the same line and period in a non-ledger file is rejected, not added', () => {
    const r = importText('financial_year,period,block,line,actual\n2022-23,1,HN,Top up,100\n2022-23,1,HN,Top up,50\n', 'actuals.csv');
    const e = errorAt(r.errors, 3);
    expect(e).toMatchObject({ column: 'E (actual)', value: '50' });
    expect(e.message).toMatch(/a second actual for this line and period \(the first is in row 2\)/);
    expect(r.data.actuals[0]!.actuals[0]).toBe(10000);
  });

  it('a duplicated budget line is rejected, not added', () => {
    const r = importText('financial_year,block,line,budget\n2022-23,HN,Top up,100\n2022-23,HNB,top  UP,50\n', 'budget.csv');
    const e = errorAt(r.errors, 3);
    expect(e).toMatchObject({ column: 'C (line)', value: 'top  UP' });
    expect(e.message).toMatch(/appears twice \(first in row 2\)/);
    expect(r.data.budgets.map((b) => b.budget)).toEqual([10000]);
  });

  it('a budget profile that does not sum to the budget is rejected', () => {
    const header = `financial_year,block,line,budget,${Array.from({ length: 12 }, (_, i) => `P${i + 1}`).join(',')}`;
    const r = importText(`${header}\n2022-23,HN,Top up,1200,${new Array(12).fill('99').join(',')}\n`, 'budget.csv');
    const e = errorAt(r.errors, 2);
    expect(e).toMatchObject({ column: 'D (budget)', value: '1200' });
    expect(e.message).toMatch(/adds up to 1188\.00, not the budget of 1200\.00/);
    expect(r.data.budgets).toEqual([]);
  });

  it('an empty actual is noted as missing, not taken as zero', () => {
    const r = importText('financial_year,period,block,line,actual\n2022-23,1,HN,Top up,\n', 'actuals.csv');
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toMatchObject({ row: 2, column: 'E (actual)', value: '' });
    expect(r.warnings[0]!.message).toMatch(/missing, not zero/);
    expect(r.data.actuals[0]!.actuals[0]).toBeNull();
  });
});
