/**
 * When the import worker reads a workbook again (src/workers/formRows.ts): only where the read
 * sheet leaves a form open, so a question is offered with its preview; never merely for an error.
 * Each case checks the decision against what the user sees: a question added, or the result as read.
 */
import { describe, expect, it } from 'vitest';
import { withFormQuestion } from '../../src/import/formChoices';
import type { FormChoices } from '../../src/import/forms';
import type { Sheet } from '../../src/import/sources/spreadsheet';
import { importSheets, sheetRows } from '../../src/import/workbook';
import { importBytes } from '../../src/import/importFile';
import { needsFormRows } from '../../src/workers/formRows';

/** A ledger whose six-digit periods name no financial year for themselves: a form left open. */
const ledger = ['Block', 'Budget line', 'Period', 'Voucher no', 'Amount'];
/** A ledger with its year in a column, so its periods leave nothing open. */
const yearLedger = ['Financial Year', ...ledger];
const sheet = (rows: string[][], header = ledger): Sheet => ({ name: 'Ledger', rows: [header, ...rows], firstRow: 1, hidden: false });

/** The decision, and whether the worker's second read would change the result the user sees. */
function decide(s: Sheet, forms?: FormChoices) {
  const options = forms ? { forms } : {};
  const result = importSheets([s], 'ledger.xlsx', options);
  const shown = withFormQuestion(result, () => sheetRows(s).slice(0, 60), options);
  return { result, reads: needsFormRows(result, forms), asks: shown.formQuestion !== undefined };
}

describe('whether the worker reads the workbook again', () => {
  it('does not for a sheet read cleanly', () => {
    const d = decide(sheet([['2022-23', 'High Needs', 'Top up', '1', '1', '100.00']], yearLedger));
    expect(d.result.errorCount).toBe(0);
    expect(d).toMatchObject({ reads: false, asks: false });
  });

  it('does not for a sheet whose errors wait on no form: no question would be offered', () => {
    const d = decide(sheet([['2022-23', 'High Needs', 'Top up', '1', '1', '100.00'], ['2022-23', 'High Needs', 'Top up', '2', '2', 'lots']], yearLedger));
    expect(d.result.errorCount).toBe(1);
    expect(d.result.openQuestions).toBeUndefined();
    expect(d).toMatchObject({ reads: false, asks: false });
  });

  it('does where the sheet leaves a form open (what 202301 means), a plain error beside it or not', () => {
    const open = decide(sheet([['High Needs', 'Top up', '202301', '1', '100.00']]));
    expect(open.result.openQuestions?.map((q) => q.key)).toEqual(['periodCode']);
    expect(open).toMatchObject({ reads: true, asks: true });
    const both = decide(sheet([['High Needs', 'Top up', '202301', '1', '100.00'], ['High Needs', 'Top up', '202302', '2', 'lots']]));
    expect(both).toMatchObject({ reads: true, asks: true });
  });

  it('does not once the form is chosen', () => {
    const d = decide(sheet([['High Needs', 'Top up', '202301', '1', '100.00']]), { periodCode: 'fiscal', singleYear: 'start' });
    expect(d.result.errorCount).toBe(0);
    expect(d).toMatchObject({ reads: false, asks: false });
  });

  it('does not for a CSV: the worker previews it from its own bytes', () => {
    const csv = importBytes(new TextEncoder().encode(`${ledger.join(',')}\nHigh Needs,Top up,202301,1,100.00\n`), 'ledger.csv');
    expect(csv.openQuestions?.map((q) => q.key)).toEqual(['periodCode']);
    expect(needsFormRows(csv)).toBe(false);
  });
});
