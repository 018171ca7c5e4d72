/// <reference types="vite/client" />
/**
 * Issue 13: opening a workspace file never leaves the app blank or stuck. Workspace files are
 * made by mutating a valid one (wrong types, nulls, huge numbers, deep and long lists, odd keys);
 * each is opened through the store's own action against IndexedDB (fake-indexeddb), and either
 * succeeds, with the figures the stored data rebuilds to after a reload, or is refused with the
 * stored data and the figures on screen exactly as they were.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset';
import { buildReport, reportJson } from '../../src/domain/report';
import type { ImportRecord } from '../../src/model/history';
import { WorkspaceDb } from '../../src/storage/db';
import { readWorkspaceFile } from '../../src/storage/workspaceFile';
import { indexedDbPersistence } from '../../src/storage/indexedDbPersistence';
import { loadExample } from '../../src/store/example';
import { createWorkspaceStore } from '../../src/store/workspace';
import { exampleRecords, workspaceText } from '../e2e/robustHelpers';

const valid = workspaceText(exampleRecords());
const workspace = createWorkspaceStore({ persistence: indexedDbPersistence(), example: loadExample });
const store = () => workspace.getState();
const figures = () => JSON.stringify(reportJson(buildReport(store().dataset, store().settings)));

async function stored() {
  const db = await WorkspaceDb.open();
  try {
    return await db.load();
  } finally {
    db.close();
  }
}

/** Every place in the JSON tree down to depth 12 (iterative: a mutation may have made it very deep), as a path of keys. */
function paths(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const todo: [unknown, (string | number)[]][] = [[root, []]];
  while (todo.length > 0) {
    const [v, at] = todo.pop()!;
    out.push(at);
    if (at.length >= 12) continue;
    if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => todo.push([x, [...at, i]]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) todo.push([x, [...at, k]]);
  }
  return out;
}

const deep = (depth: number) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

const REPLACEMENTS: (() => unknown)[] = [
  () => null, () => undefined, () => 'abc', () => '', () => -1, () => 0, () => 1.5, () => 9007199254740991, () => 1e300, () => -1e15,
  () => 100_000_000_000_000, () => 100_000_000_000_001, () => '1e9000000', () => true, () => [], () => ({}), () => [null],
  () => deep(2000), () => Array.from({ length: 20_000 }, () => 0), () => 'x'.repeat(100_000), () => ({ __proto__: null, constructor: 1 }),
];

type Mutation = { pick: number; how: number; kind: 'replace' | 'delete' | 'duplicate' | 'addKey' };

function mutate(text: string, muts: Mutation[]): string {
  const file = JSON.parse(text) as Record<string, unknown>;
  for (const m of muts) {
    const all = paths(file).filter((p) => p.length > 0);
    const path = all[m.pick % all.length]!;
    let parent: Record<string | number, unknown> = file;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const key = path.at(-1)!;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'duplicate' && Array.isArray(parent)) {
      parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
    } else if (m.kind === 'addKey' && typeof parent[key] === 'object' && parent[key] !== null && !Array.isArray(parent[key])) {
      Object.defineProperty(parent[key], '__proto__', { value: REPLACEMENTS[m.how % REPLACEMENTS.length]!(), enumerable: true, configurable: true, writable: true });
    } else parent[key] = REPLACEMENTS[m.how % REPLACEMENTS.length]!();
  }
  return JSON.stringify(file);
}

const mutation = fc.record({
  pick: fc.nat(),
  how: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'delete', 'duplicate', 'addKey'),
});

beforeAll(async () => {
  await store().hydrate();
  expect(store().storageError).toBeNull();
  expect(await store().loadWorkspace(valid)).toEqual({ ok: true });
});

describe('opening a mutated workspace file', () => {
  it('either opens, with the figures its stored data rebuilds to, or is refused with nothing changed', async () => {
    let opened = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (muts) => {
        const text = mutate(valid, muts);
        const before = await stored();
        const shownBefore = figures();
        const datasetBefore = store().dataset;
        const outcome = await Promise.race([store().loadWorkspace(text), new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 30_000))]);
        expect(outcome).not.toBe('stuck');
        expect(store().workspaceProgress).toBeNull();
        if (outcome === 'stuck') return;
        if (outcome.ok) {
          opened++;
          // What is stored is what the check passed, and it rebuilds (after a reload) to the figures shown.
          const read = readWorkspaceFile(text);
          expect(read.ok).toBe(true);
          const shown = figures();
          await store().hydrate();
          expect(store().unreadable).toBeNull();
          expect(figures()).toBe(shown);
          if (read.ok) expect((await stored()).imports).toEqual(read.value.imports);
        } else {
          refused++;
          expect(outcome.errors.length).toBeGreaterThan(0);
          for (const e of outcome.errors) expect(e.length).toBeLessThan(2000);
          expect(await stored()).toEqual(before);
          expect(store().dataset).toBe(datasetBefore);
          expect(figures()).toBe(shownBefore);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 120) },
    );
    // The mutations reach both outcomes.
    expect(opened).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('opens 150,000 imports without recursion limits, reporting progress, all in one transaction', async () => {
    const rec = exampleRecords()[0]!;
    const many: ImportRecord[] = Array.from({ length: 150_000 }, (_, i) => ({ ...rec, id: i + 1, data: emptyDataset() }));
    many[0] = { ...rec, id: 1 };
    const text = workspaceText(many);
    const seen: string[] = [];
    const off = workspace.subscribe((s) => {
      if (s.workspaceProgress && seen.at(-1) !== s.workspaceProgress) seen.push(s.workspaceProgress);
    });
    const outcome = await store().loadWorkspace(text);
    off();
    expect(outcome).toEqual({ ok: true });
    expect(seen.some((s) => /^Checking the file: \d+%$/.test(s))).toBe(true);
    expect(seen).toContain('Storing it…');
    expect(store().imports.length).toBe(150_000);
    const db = await WorkspaceDb.open();
    expect((await db.counts()).imports).toBe(150_000);
    db.close();
  }, 600_000);
});
