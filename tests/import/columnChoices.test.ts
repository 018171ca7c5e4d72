/** The user's column mapping, laid over the columns matched by name, in the shared import core. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/importFile';
import { applyChoices, mapColumns } from '../../src/import/kinds';

const HEADER = ['Fin Year', 'Period', 'Area', 'Cost Heading', 'Value'];

describe('column choices', () => {
  it('gives a column a field, moving what had it to the ignored columns', () => {
    const matched = mapColumns('actuals', HEADER);
    expect(matched.fields.block).toBeUndefined();
    const mapped = applyChoices(matched, HEADER, { 2: 'block', 4: 'ignore' });
    expect(mapped.fields.block).toBe(2);
    expect(mapped.fields.actual).toBeUndefined();
    expect(mapped.extra).toContain(4);
    expect(applyChoices(mapped, HEADER, { 3: 'block' }).fields).toMatchObject({ block: 3 });
    expect(applyChoices(mapped, HEADER, { 3: 'block' }).extra).toContain(2);
  });

  it('never applies a choice to an empty cell, so a title line cannot become the header', () => {
    const title = ['DSG actuals April', '', '', '', ''];
    const m = applyChoices(mapColumns('actuals', title), title, { 0: 'year', 1: 'period', 2: 'block', 3: 'line', 4: 'actual' });
    expect(Object.keys(m.fields)).toEqual(['year']);
  });

  it('imports a file whose block column is named otherwise, once the user maps it', () => {
    const text = `DSG actuals\n${HEADER.join(',')}\n2024-25,1,HNB,Top up,"1,000.50"\n`;
    const unmapped = importText(text, 'a.csv', { kind: 'actuals' });
    expect(unmapped.errorCount).toBe(1);
    expect(unmapped.header).toEqual(HEADER);
    const r = importText(text, 'a.csv', { kind: 'actuals', columns: { 2: 'block' } });
    expect(r.errorCount).toBe(0);
    expect(r.headerRow).toBe(2);
    expect(r.data.actuals).toEqual([
      { fy: 2024, block: 'High Needs', line: 'Top up', actuals: [100050, ...Array(11).fill(null)], forecasts: Array(12).fill(null) },
    ]);
  });
});
