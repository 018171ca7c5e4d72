import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/model/settings';
import { SNAPSHOT_SLOT, injectSnapshot, makeSnapshotPayload, readSnapshot } from '../../src/domain/snapshot';
import { sha256Hex } from '../../src/export/sha256';
import { DATA_DIR, loadFolder } from '../helpers';

describe('the snapshot payload', () => {
  it('round-trips through the template, with a fingerprint of exactly the data it holds', async () => {
    const { data } = loadFolder(DATA_DIR);
    data.budgets[0]!.commentary = '</script><script>alert(1)</script>';
    const payload = await makeSnapshotPayload({ dataset: data, settings: DEFAULT_SETTINGS, fy: 2022, period: null }, { asAt: 'period 12', producedAt: 'now' }, sha256Hex);
    const html = injectSnapshot(`<html><body>${SNAPSHOT_SLOT}</body></html>`, payload);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const slot = /<script id="dsg-snapshot-data" type="application\/json">(.*)<\/script>/s.exec(html)![1]!;
    const read = readSnapshot(slot);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.content.dataset).toEqual(data);
    expect(await sha256Hex(read.payload.content)).toBe(payload.sha256);
    expect(payload.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('says what is wrong with an empty or damaged snapshot', () => {
    expect(readSnapshot('null')).toEqual({ ok: false, reason: expect.stringMatching(/empty snapshot template/) });
    expect(readSnapshot('{"format":"dsg-monitor-snapshot","version":2,"content":"{oops","sha256":"ab"}')).toEqual({ ok: false, reason: expect.stringMatching(/damaged/) });
    expect(readSnapshot('{"format":"other"}')).toEqual({ ok: false, reason: expect.stringMatching(/not a DSG Safety Valve monitor snapshot/) });
  });
});
