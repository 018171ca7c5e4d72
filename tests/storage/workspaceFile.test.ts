/** The workspace file: what it writes reads back identically; anything else is refused with reasons. */
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile, toWorkspaceFile } from '../../src/storage/workspaceFile';
import type { ImportRecord } from '../../src/model/history';
import { loadFolder, DATA_DIR } from '../helpers';

function exampleRecords(): ImportRecord[] {
  return loadFolder(DATA_DIR).results.map((r, i) => ({
    id: i + 1, time: '2026-01-01T00:00:00.000Z', file: r.file, size: 100, sha256: 'ab'.repeat(32), kind: r.kind!, kindLabel: r.kindLabel!,
    rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, rowsSkipped: r.skipped.length,
    warningCount: r.warnings.length, leftOutRows: [], replaced: [], additive: false, data: r.data,
  }));
}

/** As this version writes them: with the count of rows a cost-centre map excluded. */
function currentRecords(): ImportRecord[] {
  return exampleRecords().map((r) => ({ ...r, rowsExcluded: 0 }));
}

const state = { source: 'user' as const, settings: { tolerance: '0.02' } };

describe('the workspace file', () => {
  it('reads back exactly what it wrote', () => {
    const file = toWorkspaceFile({ state, imports: exampleRecords(), mappings: [] }, new Date('2026-02-03T04:05:06Z'));
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, value: file, notes: [] });
  });

  it('refuses what is not a workspace file, saying why', () => {
    expect(readWorkspaceFile('Financial Year,Block\n')).toEqual({ ok: false, errors: [expect.stringContaining('not JSON')] });
    expect(readWorkspaceFile('{"a":1}')).toEqual({ ok: false, errors: [expect.stringContaining('not a workspace file')] });
    const newer = { ...toWorkspaceFile({ state, imports: [], mappings: [] }), version: 99 };
    expect(readWorkspaceFile(JSON.stringify(newer))).toEqual({ ok: false, errors: [expect.stringContaining('newer version of the app')] });
  });

  it('names every bad value by where it is', () => {
    const recs = exampleRecords();
    recs[0]!.data.actuals[0]!.actuals[3] = 1.5 as never;
    recs[1]!.data.agreement[0]!.fy = 1999;
    (recs[2] as { kind: string }).kind = 'spreadsheet';
    const file = toWorkspaceFile({ state: { ...state, settings: { tolerance: 'lots' } }, imports: recs, mappings: [] });
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    const errors = (read as { errors: string[] }).errors;
    expect(errors).toContain('state.settings.tolerance: "lots" is not a fraction from 0 to 1, such as "0.02"');
    expect(errors).toContain('imports[0].data.actuals[0].actuals[3]: 1.5 is not a whole number of pence of at most £1 trillion either way, or null');
    expect(errors).toContain('imports[1].data.agreement[0].fy: 1999 is not a financial year from 2000 to 2099');
    expect(errors.some((e) => e.startsWith('imports[2].kind:'))).toBe(true);
  });

  it('migrates a version 1 file (no skipped-row counts) to the current shape', () => {
    const file = toWorkspaceFile({ state, imports: exampleRecords(), mappings: [] });
    const v1 = { ...file, version: 1, imports: file.imports.map((r) => { const c: Partial<ImportRecord> = { ...r }; delete c.rowsSkipped; return c; }) };
    const read = readWorkspaceFile(JSON.stringify(v1));
    expect(read.ok).toBe(true);
    expect((read as { value: typeof file }).value.imports.every((r) => r.rowsSkipped === 0)).toBe(true);
  });

  it('migrates a version 2 file (no excluded-row counts) to version 3', () => {
    const file = toWorkspaceFile({ state, imports: exampleRecords(), mappings: [] });
    const v2 = { ...file, version: 2 };
    const read = readWorkspaceFile(JSON.stringify(v2));
    expect(read.ok).toBe(true);
    expect((read as { value: typeof file }).value.imports.every((r) => r.rowsExcluded === 0)).toBe(true);
    const bad = { ...file, imports: file.imports.map((r, i) => (i === 0 ? { ...r, rowsExcluded: -1 } : r)) };
    expect(readWorkspaceFile(JSON.stringify(bad))).toMatchObject({ ok: false, errors: expect.arrayContaining(['imports[0].rowsExcluded: -1 is not a whole number of 0 or more']) });
  });

  it('keeps the hand mappings of cost centres, and names a bad one by where it is', () => {
    const recs = currentRecords();
    const good: ImportRecord = {
      ...recs[0]!, id: 99, kind: 'manual-costcentres', file: 'Cost centres mapped by hand', data: { ...recs[0]!.data, budgets: [], actuals: [] },
      costCentreMap: [
        { code: 'HN3002', treatment: 'spend', block: 'High Needs', line: 'Top-up funding', source: 'hand' },
        { code: '9100', treatment: 'exclude', source: 'hand' },
        { code: 'HN4000', account: '8200', treatment: 'income', block: 'High Needs', line: 'Recoupment', source: 'hand' },
      ],
      replaces: [{ fy: 2022, period: 3, block: 'High Needs' }],
    };
    const file = toWorkspaceFile({ state, imports: [...recs, good], mappings: [] });
    expect(readWorkspaceFile(JSON.stringify(file))).toEqual({ ok: true, value: file, notes: [] });
    const bad = { ...good, costCentreMap: [{ code: 'hn*1', treatment: 'spend', block: 'High Needs', source: 'hand' }, { code: 'A', treatment: 'move', source: 'elsewhere' }], replaces: [{ fy: 2022, period: 13, block: 'High Needs' }] };
    const read = readWorkspaceFile(JSON.stringify({ ...file, imports: [...recs, bad] }));
    const errors = (read as { errors: string[] }).errors;
    const at = `imports[${recs.length}]`;
    expect(errors).toEqual(expect.arrayContaining([
      `${at}.costCentreMap[0].code: a code in capitals such as "HN3002", or a prefix such as "HN30*"`,
      `${at}.costCentreMap[0]: a spend mapping needs a block (one of Schools, Central School Services, High Needs, Early Years) and a budget line`,
      `${at}.costCentreMap[1].treatment: one of spend, exclude, income`,
      `${at}.costCentreMap[1].source: one of hand, file, budget`,
      `${at}.replaces: a list of periods, each with fy, period (1 to 12) and block`,
    ]));
  });

  it('checks the parts entered by hand: instalments, contributions, revisions, conditions and comments', () => {
    const recs = exampleRecords();
    const data = recs[0]!.data as unknown as Record<string, unknown>;
    data.instalments = [{ fy: 2022, amount: 100, status: 'late', date: '2023-03-31' }];
    data.otherContributions = [{ fy: 2022, amount: '1,000', source: 'council', label: 'General fund' }];
    data.revisions = [{ date: 'March 2024', label: 'Re-profiled', years: [{ fy: 2023, profile: 1, contribution: 1, surplusRequired: 'no' }] }];
    data.conditions = [{ ref: '3.1', text: 'Keep special school numbers', rag: 'purple', reviewed: '2023-02-30x' }];
    data.comments = [{ fy: 2022, block: 'High Needs', line: 'EHCP', text: 'x', by: 'Pat', at: 'yesterday', period: 13 }];
    const read = readWorkspaceFile(JSON.stringify(toWorkspaceFile({ state, imports: recs, mappings: [] })));
    expect(read.ok).toBe(false);
    const errors = (read as { errors: string[] }).errors;
    expect(errors).toEqual([
      'imports[0].data.instalments[0].status: "late" is not one of scheduled, received, withheld',
      'imports[0].data.otherContributions[0].amount: "1,000" is not a whole number of pence of at most £1 trillion either way',
      'imports[0].data.revisions[0].date: "March 2024" is not a date such as "2024-03-01"',
      'imports[0].data.revisions[0].years[0].surplusRequired: "no" is not true or false',
      'imports[0].data.conditions[0].rag: "purple" is not one of red, amber, green, not rated',
      'imports[0].data.conditions[0].reviewed: "2023-02-30x" is not a date such as "2023-03-29"',
      'imports[0].data.comments[0].period: 13 is not a period from 1 to 12',
      'imports[0].data.comments[0].at: "yesterday" is not a date and time',
    ]);
  });
});
