/** The forms a file leaves open, offered as a choice with each reading's preview of the first rows (src/import/formChoices.ts). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvHeadRows, formQuestion, withFormQuestion } from '../../src/import/formChoices';
import { FOLDED_SHOWN, foldErrors, formsAsked } from '../../src/import/openQuestions';
import { importBytes, type ImportResult } from '../../src/import/importFile';

const bytes = (t: string) => new TextEncoder().encode(t);
function read(text: string, name = 'f.csv') {
  const r = importBytes(bytes(text), name);
  return { r, q: withFormQuestion(r, () => csvHeadRows(bytes(text), r)).formQuestion };
}
const previewOf = (q: ReturnType<typeof read>['q'], id: string) => q!.options.find((o) => o.id === id)!.preview;

describe('which forms a file leaves open', () => {
  it('asks nothing of an ordinary file, or of one whose dates decide', () => {
    expect(read('Period,Block,Line,Actual\n1,High Needs,Top up,100.00\n').q).toBeUndefined();
    const dated = 'Cost centre,Block,Budget line,Period,Voucher no,Trans date,Amount\nX,High Needs,Top up,202301,1,03/04/2023,100.00\n';
    expect(read(dated).q).toBeUndefined();
  });

  it('asks what 202301 means where the file has no dates, one question giving the year form too', () => {
    const { r, q } = read('Block,Budget line,Period,Voucher no,Amount\nHigh Needs,Top up,202301,60012345,100.00\nHigh Needs,Top up,202302,60012346,"1,250.50"\n');
    expect(formsAsked(r).map((a) => a.key)).toEqual(['periodCode']);
    expect(q!.example).toEqual({ row: 2, value: '202301' });
    expect(q!.options.map((o) => o.choices)).toEqual([
      { periodCode: 'calendar' }, { periodCode: 'fiscal', singleYear: 'start' }, { periodCode: 'fiscal', singleYear: 'end' },
    ]);
    // 202301 as a calendar month is January 2023, period 10 of 2022-23; as a fiscal period, April.
    expect(previewOf(q, 'calendar')).toEqual([
      { row: 2, period: 'P10 2022-23 (January 2023)', line: 'Top up', amount: 10000 },
      { row: 3, period: 'P11 2022-23 (February 2023)', line: 'Top up', amount: 125050 },
    ]);
    expect(previewOf(q, 'fiscal-start')[1]).toEqual({ row: 3, period: 'P2 2023-24 (May 2023)', line: 'Top up', amount: 125050 });
    expect(previewOf(q, 'fiscal-end')[0]).toEqual({ row: 2, period: 'P1 2022-23 (April 2022)', line: 'Top up', amount: 10000 });
  });

  it('shows what each row adds, two rows on one line and period included', () => {
    const { q } = read('Block,Budget line,Period,Voucher no,Amount\nHigh Needs,Top up,202301,1,100.00\nHigh Needs,Top up,202301,2,-30.25\nHigh Needs,Top up,202301,3,5\n');
    expect(previewOf(q, 'calendar').map((p) => p.amount)).toEqual([10000, -3025, 500]);
  });

  it('asks whether 22.590 is European or UK, the preview giving £22,590.00 or £22.59', () => {
    const { q } = read('Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up funding;22.590\n2023-24;High Needs;Outreach;1.250\n');
    expect(q!.key).toBe('numberFormat');
    expect(previewOf(q, 'european')).toEqual([
      { row: 2, period: '2023-24', line: 'Top up funding', amount: 2259000 },
      { row: 3, period: '2023-24', line: 'Outreach', amount: 125000 },
    ]);
    expect(previewOf(q, 'uk').map((p) => p.amount)).toEqual([2259, 125]);
  });

  it('asks which year a single-number year names where no date says', () => {
    const { q } = read('Fiscal Year,Period,Block,Line,Actual\n2023,1,High Needs,Top up,100.00\n');
    expect(q!.key).toBe('singleYear');
    expect(previewOf(q, 'start')[0]!.period).toBe('P1 2023-24 (April 2023)');
    expect(previewOf(q, 'end')[0]!.period).toBe('P1 2022-23 (April 2022)');
  });

  it('says where a row would still not be read under a choice', () => {
    const text = 'Block,Budget line,Period,Voucher no,Amount\nHigh Needs,Top up,202301,1,100.00\nHigh Needs,Top up,202302,2,lots\n';
    const { r } = read(text);
    const rows = Papa.parse<string[]>(text).data;
    const q = formQuestion(rows, 'f.csv', r)!;
    expect(previewOf(q, 'calendar')[1]).toMatchObject({ row: 3, error: expect.stringMatching(/amount|number/) });
  });

  it('asks nothing already chosen', () => {
    const text = 'Block,Budget line,Period,Voucher no,Amount\nHigh Needs,Top up,202301,1,100.00\n';
    const r = importBytes(bytes(text), 'f.csv', { forms: { periodCode: 'fiscal', singleYear: 'start' } });
    expect(r.errors).toEqual([]);
    expect(withFormQuestion(r, () => csvHeadRows(bytes(text), r), { forms: { periodCode: 'fiscal', singleYear: 'start' } }).formQuestion).toBeUndefined();
  });

  it('reads the question from the column stage, never from the words of the errors', () => {
    const text = 'Block,Budget line,Period,Voucher no,Amount\nHigh Needs,Top up,202301,1,100.00\n';
    const r = importBytes(bytes(text), 'f.csv');
    const reworded = { ...r, errors: r.errors.map((e) => ({ ...e, message: 'cannot be read', accepted: 'something else' })) };
    expect(formsAsked(reworded).map((a) => a.key)).toEqual(['periodCode']);
    const unasked: ImportResult = { ...r };
    delete unasked.openQuestions;
    expect(formsAsked(unasked)).toEqual([]);
    expect(withFormQuestion(unasked, () => csvHeadRows(bytes(text), r)).formQuestion).toBeUndefined();
  });
});

describe('the errors under a question, folded', () => {
  const periods = (n: number, bad = '') =>
    'Block,Budget line,Period,Voucher no,Amount\n' + Array.from({ length: n }, (_, i) => `High Needs,Top up,2023${String((i % 12) + 1).padStart(2, '0')},${i},${bad && i === 3 ? bad : '100.00'}\n`).join('');

  it('folds every error that waits on the question, the first few kept, and lists nothing else where nothing else is wrong', () => {
    const { r, q } = read(periods(228));
    const f = foldErrors({ ...r, formQuestion: q! });
    expect(f.folded).toMatchObject([{ key: 'periodCode', what: 'what the six-digit periods mean', askedNow: true, rows: 228, errors: 228 }]);
    expect(f.folded[0]!.first.map((e) => e.row)).toEqual([2, 3, 4, 5, 6].slice(0, FOLDED_SHOWN));
    expect(f.others).toEqual([]);
    expect(f.otherCount).toBe(0);
  });

  it('lists in full every error the question does not explain', () => {
    const { r, q } = read(periods(10, 'lots'));
    const f = foldErrors({ ...r, formQuestion: q! });
    expect(f.folded[0]).toMatchObject({ rows: 10, errors: 10 });
    expect(f.others).toMatchObject([{ row: 5, column: 'E (Amount)', value: 'lots' }]);
    expect(f.otherCount).toBe(1);
  });

  it('folds a second open form too, saying it is asked once the first is answered', () => {
    const { r, q } = read('Fiscal Year;Period;Block;Line;Actual\n2023;1;High Needs;Top up;22.590\n2023;2;High Needs;Top up;1.250\n');
    expect(q!.key).toBe('numberFormat');
    const f = foldErrors({ ...r, formQuestion: q! });
    expect(f.folded.map((x) => [x.key, x.askedNow, x.rows])).toEqual([['numberFormat', true, 2], ['singleYear', false, 2]]);
    expect(f.others).toEqual([]);
  });

  it('folds nothing where no question is asked', () => {
    const r = importBytes(bytes('Period,Block,Line,Actual\n1,Nursery,Top up,100.00\n'), 'f.csv');
    const f = foldErrors(r);
    expect(f.folded).toEqual([]);
    expect(f.others).toBe(r.errors);
    expect(f.otherCount).toBe(r.errorCount);
  });
});
