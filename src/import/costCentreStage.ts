/**
 * The cost-centre map at the column stage: for a file whose rows give a cost centre or account
 * string but no block or budget line, each row's block and line come from the map. Excluded rows
 * are counted and totalled apart; an unmapped or ambiguous code is an error on its row, listed
 * with the code's rows and total, never dropped silently.
 *
 * One lookup per row, a hash-map hit: the matcher caches its answer per distinct pair of cells.
 */
import { add, ZERO, type Pence } from '../model/money';
import { toFixed2 } from '../domain/money';
import { CODE_ACCEPTED, CodeTallies, CostCentreMatcher, compileMap, describeTarget, unmappedCode, type CostCentreSummary, type MatchHit } from './costCentreMap';
import type { MapEntry } from '../model/costCentreMap';
import type { ColumnMap } from './kinds';
import type { Kind } from '../model/kinds';
import { MAX_KEPT_PROBLEMS, columnName, type Problem, type RowContext } from './problems';

/** The kinds whose rows are spend on a budget line, and so can take it from a map. */
export const MAPPABLE_KINDS: readonly Kind[] = ['ledger', 'actuals', 'actualsWide'];

/** Whether a file is read through the map: it names cost centres or accounts, but lacks a block or a line column. */
export function usesCostCentreMap(map: ColumnMap): boolean {
  if (!MAPPABLE_KINDS.includes(map.kind)) return false;
  const f = map.fields as Partial<Record<string, number>>;
  const hasCode = f.costCentre !== undefined || f.account !== undefined;
  return hasCode && (f.block === undefined || f.line === undefined);
}

export type RowDecision =
  | { kind: 'mapped'; entry: MapEntry }
  | { kind: 'excluded'; entry: MapEntry; code: string }
  | { kind: 'rejected' };

export const UNMAPPED_ACCEPTED = 'a code in the cost-centre map (the budget\'s cost centres, a cost centre map file, or mapped by hand on the Import screen)';

export class CostCentreStage {
  private readonly matcher: CostCentreMatcher;
  private readonly ccCol: number;
  private readonly accountCol: number;
  readonly unmapped = new CodeTallies();
  readonly excluded = new CodeTallies();
  mappedRows = 0;
  incomeRows = 0;
  incomeTotal: Pence = ZERO;
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
        p.message = `${p.message} (the code is on ${t.rowCount.toLocaleString('en-GB')} ${t.rowCount === 1 ? 'row' : 'rows'}, totalling ${toFixed2(t.total)})`;
      }
    }
    if (this.unmapped.size > 0) {
      this.ctx.warnings.push({
        severity: 'warning', file: this.ctx.file,
        message: `${this.unmapped.size} ${this.unmapped.size === 1 ? 'code is' : 'codes are'} not in the cost-centre map, so ${this.unmapped.rowCount.toLocaleString('en-GB')} rows totalling ${toFixed2(this.unmapped.total)} are left out: ${this.unmapped.list().slice(0, 10).map((t) => `${t.code} (${toFixed2(t.total)})`).join(', ')}${this.unmapped.size > 10 ? ` and ${this.unmapped.size - 10} more` : ''}`,
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
