/**
 * The forms a file leaves open, as the column stage returns them (ImportResult.openQuestions):
 * which setting, the values it takes, the first cell that raised it with its error's words, and
 * how many errors and rows wait on it. Each such error carries the question, while its words stay
 * as the command line prints them (naming the option).
 */
import { describe, expect, it } from 'vitest';
import { importText, type ImportOptions } from '../../src/import/importFile';
import { NUMBER_FORMAT_ACCEPTED, PERIOD_CODE_ACCEPTED, SINGLE_YEAR_ACCEPTED, type OpenQuestion } from '../../src/import/forms';
import { MAX_KEPT_PROBLEMS } from '../../src/import/problems';

const ledger = (periods: string[]) => 'Block,Budget line,Period,Voucher no,Amount\n' + periods.map((p, i) => `High Needs,Top up,${p},${i + 1},100.00\n`).join('');

const CASES: { name: string; text: string; forms?: ImportOptions['forms']; question: OpenQuestion | undefined; option?: string }[] = [
  {
    name: 'UK or European: 22.590 and 1.250 with no other amount to say',
    text: 'Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up funding;22.590\n2023-24;High Needs;Outreach;1.250\n',
    question: {
      key: 'numberFormat', values: ['uk', 'european'], accepted: NUMBER_FORMAT_ACCEPTED, row: 2, column: 'D (Budget)', value: '22.590',
      message: 'the amount could be whole pounds with a thousands point (European, £22,590) or pounds and pence (UK), and the file\'s other amounts do not say which',
      errors: 2, rows: 2,
    },
    option: 'number-format option',
  },
  {
    name: 'a six-digit period, 202301, with no dates: calendar month or fiscal period',
    text: ledger(['202301', '202302', '202302']),
    question: {
      key: 'periodCode', values: ['calendar', 'fiscal'], accepted: PERIOD_CODE_ACCEPTED, row: 2, column: 'C (Period)', value: '202301',
      message: `not a period or month (202301 may be year and month or year and fiscal period, and the file's dates do not say which: choose with the period-code option, ${PERIOD_CODE_ACCEPTED})`,
      errors: 3, rows: 3,
    },
    option: 'period-code option',
  },
  {
    name: 'fiscal periods chosen, the year left open: the fiscal year of 202301 starting or ending in 2023',
    text: ledger(['202301', '202302']),
    forms: { periodCode: 'fiscal' },
    question: {
      key: 'singleYear', values: ['start', 'end'], accepted: SINGLE_YEAR_ACCEPTED, row: 2, column: 'C (Period)', value: '202301',
      message: `not a period or month (the fiscal year 2023 may be 2023-24 or 2022-23, and the file's dates do not say which: choose with the single-year option, ${SINGLE_YEAR_ACCEPTED})`,
      errors: 2, rows: 2,
    },
    option: 'single-year option',
  },
  {
    name: 'a fiscal period and year, 001/2024',
    text: ledger(['001/2024']),
    question: {
      key: 'singleYear', values: ['start', 'end'], accepted: SINGLE_YEAR_ACCEPTED, row: 2, column: 'C (Period)', value: '001/2024',
      message: `not a period or month (the fiscal year 2024 may be 2024-25 or 2023-24, and the file's dates do not say which: choose with the single-year option, ${SINGLE_YEAR_ACCEPTED})`,
      errors: 1, rows: 1,
    },
    option: 'single-year option',
  },
  {
    name: 'a single-number year, 2023, in a year column',
    text: 'Fiscal Year,Period,Block,Line,Actual\n2023,1,High Needs,Top up,100.00\n2023,2,High Needs,Top up,50.00\n',
    question: {
      key: 'singleYear', values: ['start', 'end'], accepted: SINGLE_YEAR_ACCEPTED, row: 2, column: 'A (Fiscal Year)', value: '2023',
      message: `not a financial year (a single year is ambiguous (2023 may be 2023-24 or 2022-23) and the file's dates do not say which: choose with the single-year option, ${SINGLE_YEAR_ACCEPTED})`,
      errors: 2, rows: 2,
    },
    option: 'single-year option',
  },
  { name: 'an ordinary file', text: 'Period,Block,Line,Actual\n1,High Needs,Top up,100.00\n', question: undefined },
  {
    name: 'a file whose dates say how 202301 reads',
    text: 'Cost centre,Block,Budget line,Period,Voucher no,Trans date,Amount\nX,High Needs,Top up,202301,1,03/04/2023,100.00\n',
    question: undefined,
  },
  { name: 'a six-digit period once chosen', text: ledger(['202301']), forms: { periodCode: 'calendar' }, question: undefined },
  { name: '22.590 once chosen', text: 'Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up;22.590\n', forms: { numberFormat: 'european' }, question: undefined },
  { name: 'a UK amount elsewhere in the file says 22.590 is £22.59', text: 'Financial Year,Block,Budget line,Budget\n2023-24,High Needs,Top up,"1,250.50"\n2023-24,High Needs,Outreach,22.590\n', question: undefined },
];

describe('the open question the column stage returns', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = importText(c.text, 'f.csv', c.forms ? { forms: c.forms } : {});
      expect(r.openQuestions?.[0]).toEqual(c.question);
      expect(r.openQuestions?.length ?? 0).toBe(c.question ? 1 : 0);
      if (!c.question) {
        expect(r.errors.filter((e) => e.question !== undefined)).toEqual([]);
        return;
      }
      // Every error it raised carries it, and the errors' words are still the command line's (naming the option).
      const asked = r.errors.filter((e) => e.question === c.question!.key);
      expect(asked).toHaveLength(c.question.errors);
      expect(asked[0]!.message).toBe(c.question.message);
      for (const e of asked) expect(`${e.message} ${e.accepted}`).toContain(c.option);
    });
  }

  it('leaves a real fault in the same file untagged', () => {
    const r = importText(ledger(['202301', '202302']).replace('2,100.00', '2,lots'), 'f.csv');
    expect(r.openQuestions?.map((q) => [q.key, q.errors, q.rows])).toEqual([['periodCode', 2, 2]]);
    const others = r.errors.filter((e) => e.question === undefined);
    expect(others).toMatchObject([{ row: 3, column: 'E (Amount)', value: 'lots' }]);
  });

  it('counts every error and row that waits on it, past the errors kept', () => {
    const n = MAX_KEPT_PROBLEMS + 700;
    const r = importText(ledger(Array.from({ length: n }, () => '202304')), 'f.csv');
    expect(r.errors).toHaveLength(MAX_KEPT_PROBLEMS);
    expect(r.errorCount).toBe(n);
    expect(r.openQuestions).toMatchObject([{ key: 'periodCode', row: 2, errors: n, rows: n }]);
  });

  it('names each form it leaves open, in the order first raised, once each', () => {
    const text = 'Fiscal Year;Period;Block;Line;Actual\n2023;1;High Needs;Top up;22.590\n2023;2;High Needs;Top up;1.250\n';
    const r = importText(text, 'f.csv');
    expect(r.openQuestions?.map((q) => [q.key, q.errors, q.rows])).toEqual([['singleYear', 2, 2], ['numberFormat', 2, 2]]);
  });
});
