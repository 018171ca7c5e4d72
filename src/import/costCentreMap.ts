/**
 * The cost-centre map: which block and budget line a ledger row belongs to when the finance
 * system's export gives only a cost centre or an account string (`10.HN3002.5610.0000`).
 *
 * Pure data and lookups (no DOM, no storage), so the worker, the command-line report and the
 * store share it. A map comes from three sources, merged with a fixed precedence: mappings made
 * by hand in the browser win over a cost centre map file, which wins over the budget's own cost
 * centres (the most deliberate choice wins; a budget's cost centres are only a default).
 *
 * Matching, for a row's cost-centre cell and account cell, in tiers (the first tier with a hit
 * decides):
 *   1. a combination entry (cost centre and account both given in one map row), exact codes;
 *   2. a whole cell, exact (so a user can settle an ambiguous string by mapping it whole);
 *   3. a whole segment of a cell (split on `.`, `-`, `/`, space, `|`), exact;
 *   4. prefixes (`HN30*`) on the cells and their segments, the longest prefix first.
 * Within a tier an `exclude` hit wins (exclusions name balance-sheet and grant-income accounts
 * that cut across cost centres, and the excluded rows are counted and totalled, never dropped
 * unseen); hits naming two different lines are an error, never a guess.
 */
import { BLOCK_ACCEPTED, parseBlock } from '../model/blocks';
import type { MapEntry, MapSource, Treatment } from '../model/costCentreMap';
import type { BudgetLine } from '../model/dataset';
import { add, ZERO, type Pence } from '../model/money';
import { toFixed2 } from '../domain/money';

/** Highest first. */
export const SOURCE_PRECEDENCE: MapSource[] = ['hand', 'file', 'budget'];

export const SOURCE_LABELS: Record<MapSource, string> = {
  hand: 'mapped by hand',
  file: 'cost centre map file',
  budget: "budget's cost centres",
};

export const TREATMENT_ACCEPTED = 'spend (the default, when empty), income or exclude';
export const CODE_ACCEPTED = 'a cost centre or account code such as HN3002 or 5610, or a prefix ending in *, such as HN30*';
export const LINE_ACCEPTED = 'the name of the budget line, as in the budget file';

/** What splits a composite account string into segments. */
const SEPARATORS = /[.\-/ |]+/;

export function normaliseCode(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The segments of a cell, as the matcher reads them: `10.HN3002.5610.0000` → 10, HN3002, 5610, 0000. */
export function segmentsOf(cell: string): string[] {
  return normaliseCode(cell).split(SEPARATORS).filter((s) => s !== '');
}

export type CodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/** A code as a map row gives it. */
export function checkCode(raw: string): CodeCheck {
  const code = normaliseCode(raw);
  if (code === '') return { ok: false, reason: 'the code is empty' };
  const star = code.indexOf('*');
  if (star >= 0 && star !== code.length - 1) return { ok: false, reason: 'a * may only end a prefix' };
  if (code === '*') return { ok: false, reason: 'a prefix needs at least one character before the *' };
  return { ok: true, code };
}

export function isPrefix(code: string): boolean {
  return code.endsWith('*');
}

export function parseTreatment(raw: string): Treatment | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'spend' || v === 'expenditure') return 'spend';
  if (v === 'exclude' || v === 'excluded' || v === 'ignore') return 'exclude';
  if (v === 'income') return 'income';
  return undefined;
}

/** The raw cells of one row of a cost centre map file. */
export interface MapRowInput {
  costCentre: string;
  account: string;
  block: string;
  line: string;
  treatment: string;
}
export type MapField = keyof MapRowInput;

export interface MapRowError {
  field: MapField;
  value: string;
  message: string;
  accepted: string;
}

export type MapRowResult = { ok: true; entry: MapEntry } | { ok: false; errors: MapRowError[] };

/** Validates one map row; every problem in the row is reported, not just the first. */
export function parseMapRow(input: MapRowInput, source: MapSource = 'file'): MapRowResult {
  const errors: MapRowError[] = [];
  const ccRaw = input.costCentre.trim();
  const accountRaw = input.account.trim();
  let code: string | undefined;
  let account: string | undefined;
  if (ccRaw === '' && accountRaw === '') {
    errors.push({ field: 'costCentre', value: '', message: 'the row has neither a cost centre nor an account', accepted: CODE_ACCEPTED });
  }
  for (const [field, raw] of [['costCentre', ccRaw], ['account', accountRaw]] as const) {
    if (raw === '') continue;
    const c = checkCode(raw);
    if (!c.ok) {
      errors.push({ field, value: raw, message: `not a code (${c.reason})`, accepted: CODE_ACCEPTED });
      continue;
    }
    if (field === 'costCentre') code = c.code;
    else if (code === undefined && ccRaw === '') code = c.code;
    else account = c.code;
  }
  if (code !== undefined && account !== undefined && (isPrefix(code) || isPrefix(account))) {
    errors.push({
      field: isPrefix(account) ? 'account' : 'costCentre', value: isPrefix(account) ? accountRaw : ccRaw,
      message: 'a row giving both a cost centre and an account is a combination of two exact codes; a prefix is not allowed in it',
      accepted: 'a cost centre and an account without *, or a prefix in one of them alone',
    });
  }
  const treatment = parseTreatment(input.treatment);
  if (!treatment) errors.push({ field: 'treatment', value: input.treatment.trim(), message: 'not a treatment', accepted: TREATMENT_ACCEPTED });
  const blockRaw = input.block.trim();
  const block = blockRaw === '' ? undefined : parseBlock(blockRaw);
  if (blockRaw !== '' && !block) errors.push({ field: 'block', value: blockRaw, message: 'not one of the four DSG blocks', accepted: BLOCK_ACCEPTED });
  const line = input.line.trim().replace(/\s+/g, ' ');
  if (treatment && treatment !== 'exclude') {
    if (blockRaw === '') errors.push({ field: 'block', value: '', message: `the block is empty (a ${treatment} row needs its block and line)`, accepted: BLOCK_ACCEPTED });
    if (line === '') errors.push({ field: 'line', value: '', message: `the budget line is empty (a ${treatment} row needs its block and line)`, accepted: LINE_ACCEPTED });
  }
  if (errors.length > 0 || code === undefined || !treatment) return { ok: false, errors };
  const entry: MapEntry = treatment === 'exclude'
    ? { code, treatment, source }
    : { code, treatment, block: block!, line, source };
  if (account !== undefined) entry.account = account;
  return { ok: true, entry };
}

/** The key an entry is known by: two entries with one key say where the same code goes. */
export function entryKey(e: Pick<MapEntry, 'code' | 'account'>): string {
  return e.account === undefined ? e.code : `${e.code}+${e.account}`;
}

/** How an entry reads in a message: "HN3002", "HN3002 with account 9100". */
export function describeCode(e: Pick<MapEntry, 'code' | 'account'>): string {
  return e.account === undefined ? e.code : `${e.code} with account ${e.account}`;
}

export function describeTarget(e: Pick<MapEntry, 'treatment' | 'block' | 'line'>): string {
  if (e.treatment === 'exclude') return 'excluded';
  return `${e.block} / ${e.line}${e.treatment === 'income' ? ' (income)' : ''}`;
}

export function sameTarget(a: Pick<MapEntry, 'treatment' | 'block' | 'line'>, b: Pick<MapEntry, 'treatment' | 'block' | 'line'>): boolean {
  if (a.treatment !== b.treatment) return false;
  if (a.treatment === 'exclude') return true;
  return a.block === b.block && (a.line ?? '').toLowerCase() === (b.line ?? '').toLowerCase();
}

export interface EntryConflict {
  key: string;
  /** The row numbers (map file) or descriptions (budget) of the entries that disagree. */
  first: { entry: MapEntry; row?: number };
  second: { entry: MapEntry; row?: number };
}

/**
 * Collects one source's entries, one per code: the same code twice with the same target is
 * kept once; with two targets it is a conflict (and the code is left out, so its rows stay
 * unmapped and are listed, never sent to a guessed line).
 */
export class EntryCollector {
  private readonly byKey = new Map<string, { entry: MapEntry; row?: number; conflicted: boolean }>();
  readonly conflicts: EntryConflict[] = [];

  add(entry: MapEntry, row?: number): EntryConflict | undefined {
    const key = entryKey(entry);
    const held = this.byKey.get(key);
    if (!held) {
      this.byKey.set(key, { entry, ...(row !== undefined ? { row } : {}), conflicted: false });
      return undefined;
    }
    if (sameTarget(held.entry, entry)) return undefined;
    held.conflicted = true;
    const conflict: EntryConflict = {
      key,
      first: { entry: held.entry, ...(held.row !== undefined ? { row: held.row } : {}) },
      second: { entry, ...(row !== undefined ? { row } : {}) },
    };
    this.conflicts.push(conflict);
    return conflict;
  }

  entries(): MapEntry[] {
    return [...this.byKey.values()].filter((h) => !h.conflicted).map((h) => h.entry);
  }
}

/**
 * A budget with cost centres is a map: each cost centre goes to its line. A cost centre given
 * on two different lines (in any year) is a conflict and is not used.
 */
export function entriesFromBudget(budgets: readonly BudgetLine[]): { entries: MapEntry[]; conflicts: EntryConflict[] } {
  const c = new EntryCollector();
  for (const b of budgets) {
    if (!b.costCentre || b.costCentre.trim() === '') continue;
    const check = checkCode(b.costCentre);
    if (!check.ok || isPrefix(check.code)) continue;
    c.add({ code: check.code, treatment: 'spend', block: b.block, line: b.line, source: 'budget' });
  }
  return { entries: c.entries(), conflicts: c.conflicts };
}

export interface MergeOverride {
  key: string;
  kept: MapEntry;
  overridden: MapEntry;
}

/**
 * One list from the three sources: for each code the highest-precedence source's entry (hand >
 * file > budget). Where a higher source changes a lower one's target the override is listed, so
 * the import can say so.
 */
export function mergeEntries(sources: Partial<Record<MapSource, readonly MapEntry[]>>): { entries: MapEntry[]; overrides: MergeOverride[] } {
  const byKey = new Map<string, MapEntry>();
  const overrides: MergeOverride[] = [];
  for (const source of SOURCE_PRECEDENCE) {
    for (const e of sources[source] ?? []) {
      const key = entryKey(e);
      const kept = byKey.get(key);
      if (!kept) byKey.set(key, { ...e, source });
      else if (kept.source !== source && !sameTarget(kept, e)) overrides.push({ key, kept, overridden: { ...e, source } });
    }
  }
  return { entries: [...byKey.values()], overrides };
}

/** A compiled map: hash maps for exact codes, prefixes grouped by length, longest first. */
export interface CostCentreMap {
  readonly combined: ReadonlyMap<string, MapEntry>;
  readonly exact: ReadonlyMap<string, MapEntry>;
  /** [length, prefixes of that length without their *], longest first. */
  readonly prefixes: readonly (readonly [number, ReadonlyMap<string, MapEntry>])[];
  readonly size: number;
}

export function compileMap(entries: readonly MapEntry[]): CostCentreMap {
  const combined = new Map<string, MapEntry>();
  const exact = new Map<string, MapEntry>();
  const byLength = new Map<number, Map<string, MapEntry>>();
  for (const e of entries) {
    if (e.account !== undefined) combined.set(`${e.code}\u0000${e.account}`, e);
    else if (isPrefix(e.code)) {
      const p = e.code.slice(0, -1);
      let m = byLength.get(p.length);
      if (!m) byLength.set(p.length, (m = new Map()));
      m.set(p, e);
    } else exact.set(e.code, e);
  }
  const prefixes = [...byLength.entries()].sort((a, b) => b[0] - a[0]);
  return { combined, exact, prefixes, size: entries.length };
}

export const EMPTY_MAP: CostCentreMap = compileMap([]);

export interface MatchHit {
  /** The code in the row that matched: a whole cell, a segment, or "cc + account". */
  matched: string;
  entry: MapEntry;
}

export type MatchResult =
  | { kind: 'mapped'; hit: MatchHit }
  | { kind: 'unmapped' }
  | { kind: 'ambiguous'; hits: MatchHit[] };

/** One tier's hits: an exclusion wins; one target is a match; two targets are ambiguous. */
function decide(hits: MatchHit[]): MatchResult | undefined {
  if (hits.length === 0) return undefined;
  const exclude = hits.find((h) => h.entry.treatment === 'exclude');
  if (exclude) return { kind: 'mapped', hit: exclude };
  const first = hits[0]!;
  const distinct: MatchHit[] = [first];
  for (const h of hits) if (!distinct.some((d) => sameTarget(d.entry, h.entry))) distinct.push(h);
  return distinct.length === 1 ? { kind: 'mapped', hit: first } : { kind: 'ambiguous', hits: distinct };
}

/**
 * Matches a row's code cells (its cost-centre cell and its account cell, either may be empty)
 * against the map, by the tiers described at the top of this file.
 */
export function matchCells(map: CostCentreMap, cells: readonly string[]): MatchResult {
  const wholes: string[] = [];
  const segments: string[] = [];
  for (const cell of cells) {
    const whole = normaliseCode(cell);
    if (whole === '') continue;
    wholes.push(whole);
    for (const s of whole.split(SEPARATORS)) if (s !== '' && !segments.includes(s)) segments.push(s);
  }
  if (wholes.length === 0) return { kind: 'unmapped' };
  const all = [...new Set([...wholes, ...segments])];

  if (map.combined.size > 0) {
    const hits: MatchHit[] = [];
    for (const a of all) {
      for (const b of all) {
        if (a === b) continue;
        const e = map.combined.get(`${a}\u0000${b}`);
        if (e) hits.push({ matched: `${a} + ${b}`, entry: e });
      }
    }
    const r = decide(hits);
    if (r) return r;
  }
  const tier = (codes: readonly string[]): MatchResult | undefined => {
    const hits: MatchHit[] = [];
    for (const c of codes) {
      const e = map.exact.get(c);
      if (e) hits.push({ matched: c, entry: e });
    }
    return decide(hits);
  };
  const whole = tier(wholes);
  if (whole) return whole;
  const seg = tier(segments);
  if (seg) return seg;
  for (const [length, group] of map.prefixes) {
    const hits: MatchHit[] = [];
    for (const c of all) {
      if (c.length < length) continue;
      const e = group.get(c.slice(0, length));
      if (e && !hits.some((h) => h.entry === e && h.matched === c)) hits.push({ matched: c, entry: e });
    }
    const r = decide(hits);
    if (r) return r;
  }
  return { kind: 'unmapped' };
}

/**
 * The per-row lookup: one hash-map hit per row, the match worked out once per distinct pair of
 * cells (a ledger repeats a few hundred cost centres a million times).
 */
export class CostCentreMatcher {
  /** By cost-centre cell, then account cell: no key string is built per row. */
  private readonly cache = new Map<string, Map<string, MatchResult>>();
  private size = 0;
  constructor(readonly map: CostCentreMap) {}

  match(costCentre: string, account = ''): MatchResult {
    let byAccount = this.cache.get(costCentre);
    let r = byAccount?.get(account);
    if (!r) {
      r = matchCells(this.map, account === '' ? [costCentre] : [costCentre, account]);
      // A file of unique strings must not grow the cache without end.
      if (this.size < 100_000) {
        if (!byAccount) this.cache.set(costCentre, (byAccount = new Map()));
        byAccount.set(account, r);
        this.size++;
      }
    }
    return r;
  }
}

/** The code an unmapped row is listed under: its cost centre if it has one, else its account string. */
export function unmappedCode(costCentre: string, account: string): string {
  const cc = normaliseCode(costCentre);
  return cc !== '' ? cc : normaliseCode(account);
}

export interface CodeTally {
  code: string;
  /** Spreadsheet row numbers, the first MAX_ROWS_LISTED of them. */
  rows: number[];
  rowCount: number;
  total: Pence;
}

export const MAX_ROWS_LISTED = 50;

/** Rows and exact totals by code: the unmapped codes, and the excluded rows. */
export class CodeTallies {
  private readonly byCode = new Map<string, CodeTally>();
  rowCount = 0;
  total: Pence = ZERO;

  add(code: string, row: number, amount: Pence) {
    let t = this.byCode.get(code);
    if (!t) this.byCode.set(code, (t = { code, rows: [], rowCount: 0, total: ZERO }));
    if (t.rows.length < MAX_ROWS_LISTED) t.rows.push(row);
    t.rowCount++;
    t.total = add(t.total, amount);
    this.rowCount++;
    this.total = add(this.total, amount);
  }

  /** Largest total (by size) first, then by code, so the panel shows what matters most first. */
  list(): CodeTally[] {
    return [...this.byCode.values()].sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || a.code.localeCompare(b.code));
  }

  get size(): number {
    return this.byCode.size;
  }
}

/** The header of a cost centre map CSV, as the importer reads it back. */
export const MAP_CSV_HEADER = ['cost centre', 'account', 'block', 'budget line', 'treatment'] as const;

/** A map as the rows of its CSV, in code order (the file the browser lets the user download). */
export function mapCsvRows(entries: readonly MapEntry[]): string[][] {
  return [...entries]
    .sort((a, b) => entryKey(a).localeCompare(entryKey(b)))
    .map((e) => [e.code, e.account ?? '', e.block ?? '', e.line ?? '', e.treatment]);
}

/** "£1,234.56 in 3 rows" style detail for messages, exact. */
export function describeTally(t: Pick<CodeTally, 'rowCount' | 'total'>): string {
  return `${t.rowCount} ${t.rowCount === 1 ? 'row' : 'rows'}, total ${toFixed2(t.total)}`;
}

/** What a cost-centre map did to one file: the import's summary and result carry it. */
export interface CostCentreSummary {
  /** Entries in the map the file was read with. */
  mapSize: number;
  /** Rows whose block and line came from the map. */
  mappedRows: number;
  /** Codes with no mapping: each is an error, its rows left out unless the user maps it. */
  unmapped: CodeTally[];
  unmappedRows: number;
  unmappedTotal: Pence;
  /** Rows the map excluded (balance sheet, recharges, grant income), by code, counted apart. */
  excluded: CodeTally[];
  excludedRows: number;
  excludedTotal: Pence;
  /** Rows the map treats as income against their line. */
  incomeRows: number;
  incomeTotal: Pence;
}
