/**
 * The cost-centre map at the column stage: for a file whose rows give a cost centre or account
 * string but no block or budget line, each row's block and line come from the map. Excluded rows
 * are counted and totalled apart; an unmapped or ambiguous code is an error on its row, listed
 * with the code's rows and total, never dropped silently.
 *
 * One lookup per row, a hash-map hit: the matcher caches its answer per distinct pair of cells.
 */
import { add, ZERO, type Pence } from '../model/money';
import { formatPounds } from '../domain/format';
import { CODE_ACCEPTED, CodeTallies, CostCentreMatcher, compileMap, describeTarget, unmappedCode, type CostCentreSummary, type MatchHit } from './costCentreMap';
import type { MapEntry } from '../model/costCentreMap';
import type { ColumnMap } from './kinds';
import type { Kind } from '../model/kinds';
import { MAX_KEPT_PROBLEMS, columnName, type Problem, type RowContext } from './problems';

/**
 * The kinds whose rows are spend on a budget line, and so can take it from a map; and budgets,
 * which a finance system's budget-v-actual report gives by cost centre alone.
 */
export const MAPPABLE_KINDS: readonly Kind[] = ['ledger', 'actuals', 'actualsWide', 'budget'];

/**
 * Whether a file is read through the map: it names cost centres or accounts, but lacks a block or
 * a line column. A budget whose block comes from heading rows ("High Needs Block") is not: its
 * lines are its own.
 */
export function usesCostCentreMap(map: ColumnMap, blockHeadings = false): boolean {
  if (!MAPPABLE_KINDS.includes(map.kind) || (map.kind === 'budget' && blockHeadings)) return false;
  const f = map.fields as Partial<Record<string, number>>;
  const hasCode = f.costCentre !== undefined || f.account !== undefined;
  return hasCode && (f.block === undefined || f.line === undefined);
}

export type RowDecision =
  | { kind: 'mapped'; entry: MapEntry }
  | { kind: 'excluded'; entry: MapEntry; code: string }
  | { kind: 'rejected' };

export const UNMAPPED_ACCEPTED = 'a code in the cost-centre map (the budget\'s cost centres, a cost centre map file, or mapped by hand on the Import screen)';

/**
 * Strings to values by open addressing, hashed by character codes in JavaScript. Each row's cost
 * centre is a new string whose hash a Map would work out in the engine's runtime, at twice the
 * cost of this loop over a code's half a dozen characters.
 */
class CodeTable<V> {
  private keys: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
  private values: (V | undefined)[] = new Array<V | undefined>(1024).fill(undefined);
  size = 0;

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  get(key: string): V | undefined {
    const mask = this.keys.length - 1;
    for (let i = CodeTable.hash(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === undefined) return undefined;
      if (k === key) return this.values[i];
    }
  }

  set(key: string, value: V) {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let i = CodeTable.hash(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === undefined) this.size++;
      else if (k !== key) continue;
      this.keys[i] = key;
      this.values[i] = value;
      return;
    }
  }

  private grow() {
    const { keys, values } = this;
    this.keys = new Array<string | undefined>(2 * keys.length).fill(undefined);
    this.values = new Array<V | undefined>(2 * keys.length).fill(undefined);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.set(keys[i]!, values[i]!);
  }
}

export class CostCentreStage {
  private readonly matcher: CostCentreMatcher;
  private readonly ccCol: number;
  private readonly accountCol: number;
  readonly unmapped = new CodeTallies();
  readonly excluded = new CodeTallies();
  mappedRows = 0;
  incomeRows = 0;
  incomeTotal: Pence = ZERO;
  /**
   * The decision for each cost centre already mapped to spend, in a file with no account column:
   * one hash-map hit decides such a row, with no result object made for it.
   */
  private readonly spendByCode = new CodeTable<RowDecision>();
  /** The errors kept for each unmapped code, to name the code's total once the file is read. */
  private readonly unmappedErrors = new Map<string, Problem[]>();

  constructor(
    private readonly ctx: RowContext,
    map: ColumnMap,
    entries: readonly MapEntry[],
  ) {
    const f = map.fields as Partial<Record<string, number>>;
    this.ccCol = f.costCentre ?? -1;
    this.accountCol = f.account ?? -1;
    this.matcher = new CostCentreMatcher(compileMap(entries));
    this.mapSize = entries.length;
  }

  readonly mapSize: number;

  /**
   * Decides one row. `amount` reads the sum the row adds, for the tallies (null where it has
   * none, undefined where it cannot be read): loudly, reporting a cell that cannot be read, or
   * quietly where the kind's sink reads it again. A rejected row has its error reported here.
   */
  decide(cells: readonly string[], rowNumber: number, amount: (quiet: boolean) => Pence | null | undefined): RowDecision {
    const cc = this.ccCol < 0 ? '' : (cells[this.ccCol] ?? '').trim();
    if (this.accountCol < 0) {
      const known = this.spendByCode.get(cc);
      if (known) {
        this.mappedRows++;
        return known;
      }
    }
    const account = this.accountCol < 0 ? '' : (cells[this.accountCol] ?? '').trim();
    const col = cc !== '' || this.accountCol < 0 ? this.ccCol : this.accountCol;
    if (cc === '' && account === '') {
      this.report(rowNumber, col, '', 'the row has no cost centre or account, and the file no block and line column, so its budget line is not known',
        'a cost centre or account on every row, or block and budget line columns');
      return { kind: 'rejected' };
    }
    const r = this.matcher.match(cc, account);
    const value = col === this.ccCol ? cc : account;
    if (r.kind === 'unmapped') {
      const code = unmappedCode(cc, account);
      this.unmapped.add(code, rowNumber, amount(false) ?? ZERO);
      const p = this.report(rowNumber, col, value, `"${code}" is not in the cost-centre map: map it to a block and budget line, or exclude it`, UNMAPPED_ACCEPTED);
      if (p) {
        let list = this.unmappedErrors.get(code);
        if (!list) this.unmappedErrors.set(code, (list = []));
        list.push(p);
      }
      return { kind: 'rejected' };
    }
    if (r.kind === 'ambiguous') {
      this.report(rowNumber, col, value, `the cost-centre map gives two budget lines for it: ${describeHits(r.hits)}`,
        `one line per code: map the whole ${value === account ? 'account string' : 'code'} by hand, or change one of the mappings (${CODE_ACCEPTED})`);
      return { kind: 'rejected' };
    }
    const entry = r.hit.entry;
    if (entry.treatment === 'exclude') {
      const a = amount(false);
      if (a === undefined) return { kind: 'rejected' };
      this.excluded.add(r.hit.matched, rowNumber, a ?? ZERO);
      return { kind: 'excluded', entry, code: r.hit.matched };
    }
    this.mappedRows++;
    if (entry.treatment === 'spend' && this.accountCol < 0 && this.spendByCode.size < 100_000) {
      const d: RowDecision = { kind: 'mapped', entry };
      this.spendByCode.set(cc, d);
      return d;
    }
    if (entry.treatment === 'income') {
      const a = amount(true);
      this.incomeRows++;
      if (a !== null && a !== undefined) this.incomeTotal = add(this.incomeTotal, a);
    }
    return { kind: 'mapped', entry };
  }

  /** Names each unmapped code's rows and total in its errors, now that the whole file is read. */
  finish(): CostCentreSummary {
    for (const t of this.unmapped.list()) {
      for (const p of this.unmappedErrors.get(t.code) ?? []) {
        p.message = `${p.message} (the code is on ${t.rowCount.toLocaleString('en-GB')} ${t.rowCount === 1 ? 'row' : 'rows'}, totalling ${formatPounds(t.total, { pence: true })})`;
      }
    }
    if (this.unmapped.size > 0) {
      this.ctx.warnings.push({
        severity: 'warning', file: this.ctx.file,
        message: `${this.unmapped.size} ${this.unmapped.size === 1 ? 'code is' : 'codes are'} not in the cost-centre map, so ${this.unmapped.rowCount.toLocaleString('en-GB')} rows totalling ${formatPounds(this.unmapped.total, { pence: true })} are left out: ${this.unmapped.list().slice(0, 10).map((t) => `${t.code} (${formatPounds(t.total, { pence: true })})`).join(', ')}${this.unmapped.size > 10 ? ` and ${this.unmapped.size - 10} more` : ''}`,
      });
    }
    return {
      mapSize: this.mapSize,
      mappedRows: this.mappedRows,
      unmapped: this.unmapped.list(),
      unmappedRows: this.unmapped.rowCount,
      unmappedTotal: this.unmapped.total,
      excluded: this.excluded.list(),
      excludedRows: this.excluded.rowCount,
      excludedTotal: this.excluded.total,
      incomeRows: this.incomeRows,
      incomeTotal: this.incomeTotal,
    };
  }

  private report(row: number, col: number, value: string, message: string, accepted: string): Problem | undefined {
    this.ctx.errorCount++;
    if (this.ctx.errors.length >= MAX_KEPT_PROBLEMS) return undefined;
    const p: Problem = {
      severity: 'error', file: this.ctx.file, row,
      ...(col >= 0 ? { column: columnName(this.ctx.header, col) } : {}),
      value, message, accepted,
    };
    this.ctx.errors.push(p);
    return p;
  }
}

function describeHits(hits: MatchHit[]): string {
  return hits.map((h) => `${h.matched} → ${describeTarget(h.entry)}`).join('; ');
}
