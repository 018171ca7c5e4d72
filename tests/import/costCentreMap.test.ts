/**
 * The cost-centre map on its own: every accepted and rejected form of a map row, the budget as a
 * map, the precedence of the sources, the matching tiers, and the tallies of unmapped codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../src/model/dataset';
import { pence, type Pence } from '../../src/model/money';
import { CodeTallies, CostCentreMatcher, EntryCollector, MAP_CSV_HEADER, compileMap, entriesFromBudget, mapCsvRows, matchCells, mergeEntries, parseMapRow, segmentsOf, type MapRowInput } from '../../src/import/costCentreMap';
import type { MapEntry } from '../../src/model/costCentreMap';

const row = (r: Partial<MapRowInput>): MapRowInput => ({ costCentre: '', account: '', block: '', line: '', treatment: '', ...r });
const spend = (code: string, block: MapEntry['block'], line: string, source: MapEntry['source'] = 'file'): MapEntry => ({ code, treatment: 'spend', block, line, source });
const exclude = (code: string, source: MapEntry['source'] = 'file'): MapEntry => ({ code, treatment: 'exclude', source });

describe('a cost centre map row', () => {
  const accepted: [string, Partial<MapRowInput>, Omit<MapEntry, 'source'>][] = [
    ['a cost centre, block and line; spend by default', { costCentre: 'HN3002', block: 'High Needs', line: 'Top-up funding' },
      { code: 'HN3002', treatment: 'spend', block: 'High Needs', line: 'Top-up funding' }],
    ['codes are upper-cased and trimmed', { costCentre: ' hn3002 ', block: 'HNB', line: ' Top-up   funding ' },
      { code: 'HN3002', treatment: 'spend', block: 'High Needs', line: 'Top-up funding' }],
    ['an account alone', { account: '5610', block: 'Schools', line: 'Individual schools budget', treatment: 'Spend' },
      { code: '5610', treatment: 'spend', block: 'Schools', line: 'Individual schools budget' }],
    ['a prefix', { costCentre: 'HN30*', block: 'High Needs', line: 'Top-up funding' },
      { code: 'HN30*', treatment: 'spend', block: 'High Needs', line: 'Top-up funding' }],
    ['income', { account: '8200', block: 'High Needs', line: 'Recoupment', treatment: 'INCOME' },
      { code: '8200', treatment: 'income', block: 'High Needs', line: 'Recoupment' }],
    ['exclude needs no block or line', { account: '9100', treatment: 'exclude' }, { code: '9100', treatment: 'exclude' }],
    ['exclude written as excluded, with a block that is not kept', { account: '9*', block: 'Schools', treatment: 'Excluded' }, { code: '9*', treatment: 'exclude' }],
    ['a combination of cost centre and account', { costCentre: 'HN3002', account: '9100', treatment: 'exclude' },
      { code: 'HN3002', account: '9100', treatment: 'exclude' }],
    ['expenditure is spend', { costCentre: 'EY1', block: 'EY', line: 'Nursery funding', treatment: 'expenditure' },
      { code: 'EY1', treatment: 'spend', block: 'Early Years', line: 'Nursery funding' }],
  ];
  it.each(accepted)('accepts %s', (_name, input, expected) => {
    const r = parseMapRow(row(input));
    expect(r).toEqual({ ok: true, entry: { ...expected, source: 'file' } });
  });

  const rejected: [string, Partial<MapRowInput>, { field: string; message: RegExp }[]][] = [
    ['no code at all', { block: 'Schools', line: 'ISB' }, [{ field: 'costCentre', message: /neither a cost centre nor an account/ }]],
    ['a * inside a code', { costCentre: 'HN*02', block: 'Schools', line: 'ISB' }, [{ field: 'costCentre', message: /may only end a prefix/ }]],
    ['a bare *', { account: '*', treatment: 'exclude' }, [{ field: 'account', message: /at least one character/ }]],
    ['a block that is not a DSG block', { costCentre: 'HN1', block: 'Adult Social Care', line: 'x' }, [{ field: 'block', message: /not one of the four DSG blocks/ }]],
    ['spend without a block', { costCentre: 'HN1', line: 'Top-up' }, [{ field: 'block', message: /block is empty/ }]],
    ['spend without a line', { costCentre: 'HN1', block: 'High Needs' }, [{ field: 'line', message: /budget line is empty/ }]],
    ['income without block or line', { account: '8200', treatment: 'income' }, [{ field: 'block', message: /income row needs/ }, { field: 'line', message: /income row needs/ }]],
    ['an unknown treatment', { costCentre: 'HN1', block: 'High Needs', line: 'x', treatment: 'recharge' }, [{ field: 'treatment', message: /not a treatment/ }]],
    ['a prefix in a combination', { costCentre: 'HN*', account: '9100', treatment: 'exclude' }, [{ field: 'costCentre', message: /prefix is not allowed/ }]],
  ];
  it.each(rejected)('rejects %s', (_name, input, expected) => {
    const r = parseMapRow(row(input));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(expected.map((e) => e.field));
    r.errors.forEach((e, i) => {
      expect(e.message).toMatch(expected[i]!.message);
      expect(e.accepted.length).toBeGreaterThan(0);
    });
  });
});

describe('one source, one target per code', () => {
  it('keeps a repeated code with the same target once, and leaves out a code given two targets', () => {
    const c = new EntryCollector();
    expect(c.add(spend('A1', 'Schools', 'ISB'), 2)).toBeUndefined();
    expect(c.add(spend('A1', 'Schools', 'isb'), 3)).toBeUndefined();
    const conflict = c.add(spend('B1', 'High Needs', 'Top-up'), 4) ?? c.add(spend('B1', 'High Needs', 'Independent'), 5);
    expect(conflict).toMatchObject({ key: 'B1', first: { row: 4 }, second: { row: 5 } });
    expect(c.entries().map((e) => e.code)).toEqual(['A1']);
  });
});

describe('the budget as a map', () => {
  const b = (costCentre: string | undefined, block: BudgetLine['block'], line: string, fy = 2023): BudgetLine =>
    ({ fy, block, line, budget: pence(100), ...(costCentre !== undefined ? { costCentre } : {}) }) as BudgetLine;
  it('maps each cost centre to its line, across years; a cost centre on two lines is not used', () => {
    const { entries, conflicts } = entriesFromBudget([
      b('HN3002', 'High Needs', 'Top-up funding'),
      b('HN3002', 'High Needs', 'Top-up funding', 2024),
      b('SC1001', 'Schools', 'Individual schools budget'),
      b(undefined, 'Schools', 'De-delegation'),
      b('', 'Schools', 'Growth fund'),
      b('EY2000', 'Early Years', 'Nursery funding'),
      b('EY2000', 'Early Years', 'Inclusion fund'),
    ]);
    expect(entries).toEqual([
      spend('HN3002', 'High Needs', 'Top-up funding', 'budget'),
      spend('SC1001', 'Schools', 'Individual schools budget', 'budget'),
    ]);
    expect(conflicts.map((c) => c.key)).toEqual(['EY2000']);
  });
});

describe('merging the sources: by hand > map file > budget', () => {
  it('takes each code from the highest source and lists what it overrode', () => {
    const { entries, overrides } = mergeEntries({
      budget: [spend('A1', 'Schools', 'ISB', 'budget'), spend('B1', 'High Needs', 'Top-up', 'budget'), spend('C1', 'Early Years', 'Nursery', 'budget')],
      file: [spend('B1', 'High Needs', 'Independent', 'file'), exclude('C1', 'file')],
      hand: [spend('C1', 'Early Years', 'Inclusion', 'hand'), spend('D1', 'Schools', 'Growth', 'hand')],
    });
    const by = Object.fromEntries(entries.map((e) => [e.code, [e.source, e.line ?? e.treatment]]));
    expect(by).toEqual({ A1: ['budget', 'ISB'], B1: ['file', 'Independent'], C1: ['hand', 'Inclusion'], D1: ['hand', 'Growth'] });
    expect(overrides.map((o) => [o.key, o.kept.source, o.overridden.source])).toEqual([
      ['C1', 'hand', 'file'], ['B1', 'file', 'budget'], ['C1', 'hand', 'budget'],
    ]);
  });
});

describe('matching a row', () => {
  const map = compileMap([
    spend('HN3002', 'High Needs', 'Top-up funding'),
    spend('5610', 'Schools', 'Individual schools budget'),
    spend('HN30*', 'High Needs', 'Other high needs'),
    spend('HN3*', 'High Needs', 'Independent special schools'),
    spend('EY*', 'Early Years', 'Nursery funding'),
    exclude('9100'),
    { code: 'HN4000', account: '8200', treatment: 'income', block: 'High Needs', line: 'Recoupment', source: 'file' },
    spend('HN4000', 'High Needs', 'Alternative provision'),
    spend('10.SC1001.5610.0000', 'Schools', 'Growth fund'),
  ]);
  const cases: [string, string[], string | RegExp][] = [
    ['a cost-centre cell, exact', ['HN3002'], 'HN3002 → High Needs / Top-up funding'],
    ['case and spaces do not matter', [' hn3002 '], 'HN3002 → High Needs / Top-up funding'],
    ['an Oracle account string, by its cost-centre segment', ['', '10.HN3002.5700.0000'], 'HN3002 → High Needs / Top-up funding'],
    ['a hyphenated string', ['5610-SC1001-DSG'], '5610 → Schools / Individual schools budget'],
    ['slashes, bars and spaces split too', ['X/Y|5610 Z'], '5610 → Schools / Individual schools budget'],
    ['an exclusion wins in its tier', ['10.HN3002.9100.0000'], '9100 → excluded'],
    ['exact before prefix', ['HN3002-7777'], 'HN3002 → High Needs / Top-up funding'],
    ['the longest prefix first', ['HN3099'], 'HN3099 → High Needs / Other high needs'],
    ['a shorter prefix where the longer does not fit', ['HN3199'], 'HN3199 → High Needs / Independent special schools'],
    ['a prefix on a segment', ['10.EY2001.5100'], 'EY2001 → Early Years / Nursery funding'],
    ['a combination before its codes alone', ['HN4000', '8200'], 'HN4000 + 8200 → High Needs / Recoupment (income)'],
    ['a combination inside one account string', ['', '10.HN4000.8200.0000'], 'HN4000 + 8200 → High Needs / Recoupment (income)'],
    ['the code alone without the combination\'s account', ['HN4000', '5700'], 'HN4000 → High Needs / Alternative provision'],
    ['a whole string mapped settles an ambiguous one', ['10.SC1001.5610.0000'], '10.SC1001.5610.0000 → Schools / Growth fund'],
    ['two segments naming two lines are ambiguous', ['10.HN3002.5610.0000'], /ambiguous: HN3002 → High Needs \/ Top-up funding; 5610 → Schools/],
    ['a code only as a substring is not a match', ['XHN3002'], 'unmapped'],
    ['a prefix must start the segment', ['10-XEY1'], 'unmapped'],
    ['nothing mapped', ['ZZ9'], 'unmapped'],
    ['empty cells', ['', ''], 'unmapped'],
  ];
  const show = (r: ReturnType<typeof matchCells>) =>
    r.kind === 'unmapped' ? 'unmapped'
    : r.kind === 'ambiguous' ? `ambiguous: ${r.hits.map((h) => `${h.matched} → ${h.entry.block} / ${h.entry.line}`).join('; ')}`
    : `${r.hit.matched} → ${r.hit.entry.treatment === 'exclude' ? 'excluded' : `${r.hit.entry.block} / ${r.hit.entry.line}${r.hit.entry.treatment === 'income' ? ' (income)' : ''}`}`;
  it.each(cases)('%s', (_name, cells, expected) => {
    const r = show(matchCells(map, cells));
    if (typeof expected === 'string') expect(r).toBe(expected);
    else expect(r).toMatch(expected);
  });

  it('the matcher caches each distinct pair of cells and gives the same answers', () => {
    const m = new CostCentreMatcher(map);
    for (const [, cells, expected] of cases) {
      const r = show(m.match(cells[0]!, cells[1] ?? ''));
      if (typeof expected === 'string') expect(r).toBe(expected);
      else expect(r).toMatch(expected);
      expect(m.match(cells[0]!, cells[1] ?? '')).toBe(m.match(cells[0]!, cells[1] ?? ''));
    }
  });
});

describe('segments', () => {
  it.each([
    ['10.HN3002.5610.0000', ['10', 'HN3002', '5610', '0000']],
    ['5610-HN3002-DSG', ['5610', 'HN3002', 'DSG']],
    ['a / b | c  d..e', ['A', 'B', 'C', 'D', 'E']],
  ])('%s', (cell, expected) => expect(segmentsOf(cell)).toEqual(expected));
});

describe('tallies of unmapped codes', () => {
  it('keeps rows and exact totals per code, the largest total first', () => {
    const t = new CodeTallies();
    t.add('HN9', 3, pence(1_000_01));
    t.add('SC7', 4, pence(-25_000_00));
    t.add('HN9', 9, pence(2_499_99));
    expect(t.list()).toEqual([
      { code: 'SC7', rows: [4], rowCount: 1, total: -2500000 },
      { code: 'HN9', rows: [3, 9], rowCount: 2, total: 350000 },
    ]);
    expect([t.rowCount, t.total]).toEqual([3, -2150000]);
  });
});

describe('the map as a CSV', () => {
  it('reads back as the same entries', () => {
    const entries: MapEntry[] = [
      spend('HN30*', 'High Needs', 'Top-up funding', 'hand'),
      exclude('9100', 'hand'),
      { code: 'HN4000', account: '8200', treatment: 'income', block: 'High Needs', line: 'Recoupment', source: 'hand' },
    ];
    const rows = mapCsvRows(entries);
    expect(MAP_CSV_HEADER).toEqual(['cost centre', 'account', 'block', 'budget line', 'treatment']);
    const back = rows.map(([costCentre, account, block, line, treatment]) => {
      const r = parseMapRow({ costCentre: costCentre!, account: account!, block: block!, line: line!, treatment: treatment! }, 'hand');
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.entry;
    });
    expect(back).toEqual([...entries].sort((a, b) => (a.code + (a.account ?? '')).localeCompare(b.code + (b.account ?? ''))));
  });
});

describe('properties', () => {
  const RUNS = { numRuns: 300, seed: 20231001 };
  const code = fc.stringMatching(/^[A-Z0-9]{1,8}$/);
  const sep = fc.constantFrom('.', '-', '/', ' ', '|');
  const others = fc.array(fc.stringMatching(/^[A-Z0-9]{1,6}$/), { maxLength: 4 });

  it('a code mapped exactly is found in any composite string holding it as a whole segment', () => {
    fc.assert(fc.property(code, others, others, sep, (c, before, after, s) => {
      const map = compileMap([spend(c, 'High Needs', 'Top-up funding')]);
      const cell = [...before, c, ...after].join(s);
      const r = matchCells(map, ['', cell]);
      return r.kind === 'mapped' && r.hit.entry.code === c;
    }), RUNS);
  });

  it('never in one that holds it only inside a longer segment', () => {
    fc.assert(fc.property(code, fc.stringMatching(/^[A-Z0-9]{0,3}$/), fc.stringMatching(/^[A-Z0-9]{0,3}$/), others, sep, (c, pre, post, rest, s) => {
      fc.pre(pre + post !== '');
      const segment = pre + c + post;
      fc.pre(!rest.includes(c));
      const map = compileMap([spend(c, 'High Needs', 'Top-up funding')]);
      const r = matchCells(map, [[...rest, segment].join(s)]);
      return r.kind === 'unmapped';
    }), RUNS);
  });

  it('the tallies add to the sum of the amounts, whatever the order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: -1e10, max: 1e10 }))), (rows) => {
      const t = new CodeTallies();
      rows.forEach(([c, p], i) => t.add(c, i + 2, p as Pence));
      const expected = rows.reduce((s, [, p]) => s + BigInt(p), 0n);
      return BigInt(t.total) === expected && t.list().reduce((s, x) => s + BigInt(x.total), 0n) === expected;
    }), RUNS);
  });
});
