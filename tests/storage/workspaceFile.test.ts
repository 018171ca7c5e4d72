/** The workspace file: what it writes reads back identically; anything else is refused with reasons. */
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile, toWorkspaceFile } from '../../src/storage/workspaceFile';
import type { ImportRecord } from '../../src/storage/schema';
import { loadFolder, DATA_DIR } from '../helpers';

function exampleRecords(): ImportRecord[] {
  return loadFolder(DATA_DIR).results.map((r, i) => ({
    id: i + 1, time: '2026-01-01T00:00:00.000Z', file: r.file, size: 100, sha256: 'ab'.repeat(32), kind: r.kind!, kindLabel: r.kindLabel!,
    rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, rowsSkipped: r.skipped.length,
    warningCount: r.warnings.length, leftOutRows: [], replaced: [], additive: false, data: r.data,
  }));
}

const state = { source: 'user' as const, settings: { tolerance: '0.02' } };

describe('the workspace file', () => {
  it('reads back exactly what it wrote', () => {
    const file = toWorkspaceFile({ state, imports: exampleRecords(), mappings: [] }, new Date('2026-02-03T04:05:06Z'));
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, value: file });
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
    expect(errors).toContain('state.settings.tolerance: must be a fraction from 0 to 1, such as "0.02"');
    expect(errors).toContain('imports[0].data.actuals[0].actuals: twelve whole numbers of pence or nulls');
    expect(errors).toContain('imports[1].data.agreement[0].fy: a financial year from 2000 to 2099');
    expect(errors.some((e) => e.startsWith('imports[2].kind:'))).toBe(true);
  });

  it('migrates a version 1 file (no skipped-row counts) to the current shape', () => {
    const file = toWorkspaceFile({ state, imports: exampleRecords(), mappings: [] });
    const v1 = { ...file, version: 1, imports: file.imports.map((r) => { const c: Partial<ImportRecord> = { ...r }; delete c.rowsSkipped; return c; }) };
    const read = readWorkspaceFile(JSON.stringify(v1));
    expect(read.ok).toBe(true);
    expect((read as { value: typeof file }).value.imports.every((r) => r.rowsSkipped === 0)).toBe(true);
  });
});
