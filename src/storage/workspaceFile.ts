/**
 * The workspace file: everything the browser holds (settings, import history with its data,
 * remembered mappings) as one JSON file, and its validation when it is loaded on another machine
 * or read back from the browser's storage.
 *
 * The check is whole: every list and every field of every record, with the limits the import
 * applies (each cell at most £1 trillion, a budget's monthly profile adding up to the budget, the
 * figures together within the exact range), so that a file that passes always rebuilds. It walks
 * the records in a loop (never recursion, so 150,000 imports are no harder than 10) and can give
 * way to the page between chunks, reporting progress. Pure: no storage or DOM, tested in Node.
 */
import { BLOCKS } from '../model/blocks';
import { FIRST_FY, LAST_FY } from '../model/calendar';
import { AGE_BANDS, PLACEMENT_TYPES } from '../model/placements';
import { CASE_TYPES, EHCP_FIELDS, GRID_MEASURES, type Dataset } from '../model/dataset';
import { exactRangeProblem } from '../domain/exactRange';
import { MAX_CELL_PENCE } from '../model/money';
import { quoteValue } from '../domain/quote';
import { isSavedScenario } from '../domain/scenarioCheck';
import { parseCouncilName, parseLaCode, parseTolerance } from '../domain/settings';
import { KINDS } from '../model/kinds';
import { checkCostCentreMap } from './costCentreMapFile';
import { LA_CODE_ACCEPTED } from '../national/context';
import { MANUAL_KINDS, NATIONAL_KIND, type ImportRecord } from '../model/history';
import { SCHEMA_VERSION, type StoredMapping, type StoredState } from './schema';

export const WORKSPACE_FORMAT = 'dsg-safety-valve-monitor workspace';

export interface WorkspaceFile {
  format: typeof WORKSPACE_FORMAT;
  /** The stored schema version it was written with. */
  version: number;
  exported: string;
  state: StoredState;
  imports: ImportRecord[];
  mappings: StoredMapping[];
}

export function toWorkspaceFile(data: { state: StoredState; imports: ImportRecord[]; mappings: StoredMapping[] }, now = new Date()): WorkspaceFile {
  return { format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: now.toISOString(), ...data };
}

export type Check = { ok: true; value: WorkspaceFile; notes: string[] } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;
/** Records checked between two pauses that let the page draw its progress. */
const CHUNK = 2000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isPence = (v: unknown): v is number => isInt(v) && Math.abs(v) <= MAX_CELL_PENCE;
const isCount = (v: unknown): v is number => isInt(v) && v >= 0;
const isFy = (v: unknown) => isInt(v) && v >= FIRST_FY && v <= LAST_FY;
const isMonth = (v: unknown) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
const isBlock = (v: unknown) => (BLOCKS as readonly unknown[]).includes(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const optText = (v: unknown) => v === undefined || typeof v === 'string';
const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const isTime = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isPeriod = (v: unknown) => isInt(v) && v >= 1 && v <= 12;
const ALL_KINDS: readonly unknown[] = [...KINDS, ...MANUAL_KINDS];

/** A value as a message quotes it: text cut to a readable length, lists and objects by what they are. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(quoteValue(v));
  if (typeof v === 'number' || typeof v === 'boolean') return quoteValue(String(v));
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'an object';
}

const FY_WORDS = `a financial year from ${FIRST_FY} to ${LAST_FY}`;
const PENCE_WORDS = 'a whole number of pence of at most £1 trillion either way';
const BLOCK_WORDS = `one of ${BLOCKS.join(', ')}`;

/** One pass over a file's (or the browser's) records, collecting errors by where they are. */
class Checker {
  readonly errors: string[] = [];
  errorCount = 0;
  readonly notes: string[] = [];
  private readonly ids = new Set<number>();

  /** `repair`: the browser's own records, where a bad history note (not a figure) is dropped and said so. */
  constructor(
    private readonly version: number,
    private readonly repair: boolean,
  ) {}

  err(where: string, value: unknown, what: string) {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push(value === undefined ? `${where}: missing (${what})` : `${where}: ${describeValue(value)} is not ${what}`);
  }

  need(ok: boolean, where: string, value: unknown, what: string) {
    if (!ok) this.err(where, value, what);
  }

  list(v: unknown, where: string, optional = false): unknown[] {
    if (optional && v === undefined) return [];
    if (!Array.isArray(v)) {
      this.err(where, v, 'a list');
      return [];
    }
    return v;
  }

  state(state: unknown) {
    if (!obj(state)) return this.err('state', state, 'an object with source and settings');
    this.need(state.source === 'example' || state.source === 'user', 'state.source', state.source, '"example" or "user"');
    const tol = obj(state.settings) ? state.settings.tolerance : undefined;
    this.need(typeof tol === 'string' && parseTolerance(tol).ok, 'state.settings.tolerance', tol, 'a fraction from 0 to 1, such as "0.02"');
    const set = obj(state.settings) ? state.settings : {};
    if (set.councilName !== undefined) this.need(typeof set.councilName === 'string' && parseCouncilName(set.councilName).ok, 'state.settings.councilName', set.councilName, 'text of at most 100 characters');
    if (set.laCode !== undefined) this.need(typeof set.laCode === 'string' && parseLaCode(set.laCode).ok, 'state.settings.laCode', set.laCode, 'three digits, such as "880"');
    if (set.comparators !== undefined) {
      this.need(Array.isArray(set.comparators) && set.comparators.every((c) => typeof c === 'string' && parseLaCode(c).ok), 'state.settings.comparators', set.comparators, `a list of LA codes (${LA_CODE_ACCEPTED})`);
    }
    if (set.allocationYears !== undefined) {
      const ys = set.allocationYears;
      this.need(Array.isArray(ys) && ys.every((y, i) => Number.isInteger(y) && (y as number) >= FIRST_FY && (y as number) <= LAST_FY && ys.indexOf(y) === i), 'state.settings.allocationYears', ys, `a list of financial years by their first year, each once, from ${FIRST_FY} to ${LAST_FY} (2023 is 2023-24)`);
    }
  }

  /** The agreement's years (the original or a revision): each year once, amounts in pence. */
  agreementYears(list: unknown[], at: string) {
    const years = new Set<unknown>();
    for (let i = 0; i < list.length; i++) {
      const y = list[i];
      const w = `${at}[${i}]`;
      if (!obj(y)) {
        this.err(w, y, 'an agreement year (fy, profile, contribution, surplusRequired)');
        continue;
      }
      if (!isFy(y.fy)) this.err(`${w}.fy`, y.fy, FY_WORDS);
      else if (years.has(y.fy)) this.err(`${w}.fy`, y.fy, 'a year not given before in the list');
      years.add(y.fy);
      this.need(isPence(y.profile), `${w}.profile`, y.profile, PENCE_WORDS);
      this.need(isPence(y.contribution), `${w}.contribution`, y.contribution, PENCE_WORDS);
      this.need(typeof y.surplusRequired === 'boolean', `${w}.surplusRequired`, y.surplusRequired, 'true or false');
      if (y.openingDeficit !== undefined) this.need(isPence(y.openingDeficit), `${w}.openingDeficit`, y.openingDeficit, PENCE_WORDS);
    }
  }

  lineId(x: Obj, w: string) {
    if (!isFy(x.fy)) this.err(`${w}.fy`, x.fy, FY_WORDS);
    this.need(isBlock(x.block), `${w}.block`, x.block, BLOCK_WORDS);
    this.need(isText(x.line), `${w}.line`, x.line, 'text');
    this.need(optText(x.costCentre), `${w}.costCentre`, x.costCentre, 'text');
  }

  twelve(v: unknown, w: string, nulls: boolean) {
    if (!Array.isArray(v) || v.length !== 12) return this.err(w, v, nulls ? 'a list of twelve whole numbers of pence or nulls' : 'a list of twelve whole numbers of pence');
    for (let p = 0; p < 12; p++) {
      const x = v[p];
      if (!(isPence(x) || (nulls && x === null))) return this.err(`${w}[${p}]`, x, nulls ? `${PENCE_WORDS}, or null` : PENCE_WORDS);
    }
  }

  dataset(d: unknown, at: string) {
    if (!obj(d)) return this.err(at, d, 'the import\'s data (an object of lists)');
    const list = (k: keyof Dataset, optional: boolean) => this.list(d[k], `${at}.${k}`, optional);
    const rows = <T>(k: keyof Dataset, optional: boolean, each: (x: Obj, w: string) => T, what: string) => {
      const xs = list(k, optional);
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const w = `${at}.${k}[${i}]`;
        if (!obj(x)) this.err(w, x, what);
        else each(x, w);
      }
    };
    rows('budgets', false, (b, w) => {
      this.lineId(b, w);
      this.need(optText(b.commentary), `${w}.commentary`, b.commentary, 'text');
      this.need(isPence(b.budget), `${w}.budget`, b.budget, PENCE_WORDS);
      if (b.profile !== undefined) {
        const before = this.errorCount;
        this.twelve(b.profile, `${w}.profile`, false);
        // The import refuses a profile that does not add up to the budget; so does the file.
        if (this.errorCount === before && isPence(b.budget)) {
          let total = 0;
          for (const p of b.profile as number[]) total += p;
          if (total !== b.budget) this.err(`${w}.profile`, `adds up to ${total} pence`, `the budget (${b.budget as number} pence)`);
        }
      }
    }, 'a budget line');
    rows('actuals', false, (a, w) => {
      this.lineId(a, w);
      this.need(optText(a.commentary), `${w}.commentary`, a.commentary, 'text');
      this.twelve(a.actuals, `${w}.actuals`, true);
      this.twelve(a.forecasts, `${w}.forecasts`, true);
    }, 'an actuals line');
    rows('funding', false, (f, w) => {
      if (!isFy(f.fy)) this.err(`${w}.fy`, f.fy, FY_WORDS);
      this.need(isBlock(f.block), `${w}.block`, f.block, BLOCK_WORDS);
      this.need(isPence(f.income), `${w}.income`, f.income, PENCE_WORDS);
      // A snapshot's funding may hold the allocation used as income (issue 14), naming its file.
      this.need(optText(f.fromAllocation), `${w}.fromAllocation`, f.fromAllocation, 'the name of the allocations file');
    }, 'a funding row (fy, block, income)');
    this.agreementYears(list('agreement', false), `${at}.agreement`);
    rows('ehcp', false, (m, w) => {
      this.need(isMonth(m.month), `${w}.month`, m.month, 'a month such as "2023-01"');
      for (const f of EHCP_FIELDS) if (m[f] !== undefined) this.need(isCount(m[f]), `${w}.${f}`, m[f], 'a whole number of 0 or more');
    }, 'an EHCP month');
    rows('targets', false, (t, w) => {
      this.need((EHCP_FIELDS as readonly unknown[]).includes(t.metric), `${w}.metric`, t.metric, `one of ${EHCP_FIELDS.join(', ')}`);
      this.need(isMonth(t.month), `${w}.month`, t.month, 'a month such as "2023-01"');
      this.need(isCount(t.target), `${w}.target`, t.target, 'a whole number of 0 or more');
    }, 'a target (metric, month, target)');
    rows('instalments', true, (x, w) => {
      if (!isFy(x.fy)) this.err(`${w}.fy`, x.fy, FY_WORDS);
      this.need(isPence(x.amount), `${w}.amount`, x.amount, PENCE_WORDS);
      this.need(['scheduled', 'received', 'withheld'].includes(x.status as string), `${w}.status`, x.status, 'one of scheduled, received, withheld');
      if (x.date !== undefined) this.need(isDate(x.date), `${w}.date`, x.date, 'a date such as "2023-03-31"');
      this.need(optText(x.note), `${w}.note`, x.note, 'text');
    }, 'an instalment');
    rows('otherContributions', true, (x, w) => {
      if (!isFy(x.fy)) this.err(`${w}.fy`, x.fy, FY_WORDS);
      this.need(isPence(x.amount), `${w}.amount`, x.amount, PENCE_WORDS);
      this.need(['council', 'stability-grant', 'other'].includes(x.source as string), `${w}.source`, x.source, 'one of council, stability-grant, other');
      this.need(isText(x.label), `${w}.label`, x.label, 'text');
      if (x.date !== undefined) this.need(isDate(x.date), `${w}.date`, x.date, 'a date such as "2023-03-31"');
    }, 'a contribution');
    rows('revisions', true, (x, w) => {
      this.need(isDate(x.date), `${w}.date`, x.date, 'a date such as "2024-03-01"');
      this.need(isText(x.label), `${w}.label`, x.label, 'text');
      this.agreementYears(this.list(x.years, `${w}.years`), `${w}.years`);
    }, 'a revision (date, label, years)');
    rows('conditions', true, (x, w) => {
      this.need(isText(x.ref), `${w}.ref`, x.ref, 'text');
      this.need(isText(x.text), `${w}.text`, x.text, 'text');
      this.need(['red', 'amber', 'green', 'not rated'].includes(x.rag as string), `${w}.rag`, x.rag, 'one of red, amber, green, not rated');
      this.need(optText(x.owner), `${w}.owner`, x.owner, 'text');
      this.need(optText(x.commentary), `${w}.commentary`, x.commentary, 'text');
      if (x.reviewed !== undefined) this.need(isDate(x.reviewed), `${w}.reviewed`, x.reviewed, 'a date such as "2023-03-29"');
    }, 'a condition');
    rows('placements', true, (x, w) => {
      this.need(isMonth(x.month), `${w}.month`, x.month, 'a month such as "2023-01"');
      this.need((PLACEMENT_TYPES as readonly unknown[]).includes(x.type), `${w}.type`, x.type, `one of ${PLACEMENT_TYPES.join(', ')}`);
      if (x.ageBand !== undefined) this.need((AGE_BANDS as readonly unknown[]).includes(x.ageBand), `${w}.ageBand`, x.ageBand, `one of ${AGE_BANDS.join(', ')}`);
      this.need(optText(x.need), `${w}.need`, x.need, 'text');
      this.need(isCount(x.count), `${w}.count`, x.count, 'a whole number');
      if (x.annualCost !== undefined) this.need(isPence(x.annualCost), `${w}.annualCost`, x.annualCost, PENCE_WORDS);
    }, 'a placement count (month, type, count)');
    rows('progressGrids', true, (x, w) => {
      this.need((GRID_MEASURES as readonly unknown[]).includes(x.measure), `${w}.measure`, x.measure, `one of ${GRID_MEASURES.join(', ')}`);
      this.need(isMonth(x.month), `${w}.month`, x.month, 'a month such as "2023-01"');
      this.need(isCount(x.count), `${w}.count`, x.count, 'a whole number of 0 or more');
    }, 'a progress report grid figure (measure, month, count)');
    rows('ageCessations', true, (x, w) => {
      this.need(isMonth(x.asAt), `${w}.asAt`, x.asAt, 'a month such as "2023-02"');
      this.need(isText(x.period), `${w}.period`, x.period, 'text');
      this.need((AGE_BANDS as readonly unknown[]).includes(x.ageBand), `${w}.ageBand`, x.ageBand, `one of ${AGE_BANDS.join(', ')}`);
      this.need(isCount(x.madeInactive), `${w}.madeInactive`, x.madeInactive, 'a whole number of 0 or more');
      this.need(isCount(x.ceasingInProgress), `${w}.ceasingInProgress`, x.ceasingInProgress, 'a whole number of 0 or more');
    }, 'an age group\'s cessations (asAt, period, ageBand, madeInactive, ceasingInProgress)');
    rows('cases', true, (x, w) => {
      this.need((CASE_TYPES as readonly unknown[]).includes(x.caseType), `${w}.caseType`, x.caseType, `one of ${CASE_TYPES.join(', ')}`);
      this.need(isInt(x.year) && x.year >= 2000 && x.year <= 2099, `${w}.year`, x.year, 'a calendar year from 2000 to 2099');
      this.need(isCount(x.count), `${w}.count`, x.count, 'a whole number of 0 or more');
    }, 'a count of tribunals or mediations (caseType, year, count)');
    rows('comments', true, (x, w) => {
      this.lineId(x, w);
      this.need(isText(x.text), `${w}.text`, x.text, 'text');
      this.need(isText(x.by), `${w}.by`, x.by, 'text');
      if (x.period !== undefined) this.need(isPeriod(x.period), `${w}.period`, x.period, 'a period from 1 to 12');
      this.need(isTime(x.at), `${w}.at`, x.at, 'a date and time');
    }, 'a comment');
    rows('narratives', true, (x, w) => {
      this.need(isFy(x.fy), `${w}.fy`, x.fy, FY_WORDS);
      for (const k of ['section', 'text', 'by'] as const) this.need(isText(x[k]), `${w}.${k}`, x[k], 'text');
      this.need(isTime(x.at), `${w}.at`, x.at, 'a date and time');
    }, 'a narrative section');
    // The browser leaves a saved scenario it cannot read out of the forecast and says so; a file is refused.
    const scenarios = list('scenarios', true);
    if (!this.repair) for (let i = 0; i < scenarios.length; i++) if (!isSavedScenario(scenarios[i])) this.err(`${at}.scenarios[${i}]`, scenarios[i], 'a saved scenario with readable drivers (decimal numbers of a sensible size)');
    if (this.errorCount === 0) {
      const problem = exactRangeProblem(d as unknown as Dataset);
      if (problem) {
        this.errorCount++;
        if (this.errors.length < MAX_ERRORS) this.errors.push(`${at}: ${problem}. Accepted: ${'at most £10 trillion in all'}`);
      }
    }
  }

  /** Checks one import record; returns it as it will be kept (history notes repaired in repair mode). */
  record(r: unknown, i: number): ImportRecord | undefined {
    const w = `imports[${i}]`;
    if (!obj(r)) {
      this.err(w, r, 'an import record');
      return undefined;
    }
    if (!isInt(r.id) || r.id < 1) this.err(`${w}.id`, r.id, 'a whole number of 1 or more');
    else if (this.ids.has(r.id)) this.err(`${w}.id`, r.id, 'different from every other import\'s id');
    else this.ids.add(r.id);
    this.need(isTime(r.time), `${w}.time`, r.time, 'a date and time');
    for (const k of ['file', 'kindLabel', 'sha256'] as const) this.need(isText(r[k]), `${w}.${k}`, r[k], 'text');
    const kinds = this.version >= 4 ? [...ALL_KINDS, NATIONAL_KIND] : ALL_KINDS;
    this.need(kinds.includes(r.kind), `${w}.kind`, r.kind, `one of ${kinds.join(', ')}`);
    if (r.kind === NATIONAL_KIND) this.national(r.national, `${w}.national`);
    for (const k of ['size', 'rowsRead', 'rowsImported', 'rowsRejected', 'warningCount'] as const) this.need(isCount(r[k]), `${w}.${k}`, r[k], 'a whole number of 0 or more');
    if (this.version >= 2) this.need(isCount(r.rowsSkipped), `${w}.rowsSkipped`, r.rowsSkipped, 'a whole number of 0 or more');
    this.need(typeof r.additive === 'boolean', `${w}.additive`, r.additive, 'true or false');
    if (r.undoneAt !== undefined) this.need(isTime(r.undoneAt), `${w}.undoneAt`, r.undoneAt, 'a date and time');
    if (r.sheet !== undefined) this.need(isText(r.sheet), `${w}.sheet`, r.sheet, 'text');
    if (r.rowsExcluded !== undefined) this.need(isCount(r.rowsExcluded), `${w}.rowsExcluded`, r.rowsExcluded, 'a whole number of 0 or more');
    // The cost-centre map's and the ledger periods' own messages say what is wanted in full.
    const said = (where: string, what: string) => {
      this.errorCount++;
      if (this.errors.length < MAX_ERRORS) this.errors.push(`${where}: ${what}`);
    };
    checkCostCentreMap(r.costCentreMap, `${w}.costCentreMap`, said);
    if (r.replaces !== undefined && !(Array.isArray(r.replaces) && r.replaces.every((x) => obj(x) && isFy(x.fy) && isPeriod(x.period) && isBlock(x.block)))) {
      said(`${w}.replaces`, 'a list of periods, each with fy, period (1 to 12) and block');
    }
    let out = r;
    // History notes: what the import replaced and the rows it left out. Not figures: in the
    // browser's own records a bad one is dropped (and said so), in a file it is an error.
    const goodChange = (c: unknown) => obj(c) && isFy(c.fy) && isBlock(c.block) && isText(c.line) && isPeriod(c.period) && isPence(c.old) && (c.new === null || isPence(c.new));
    const notes: [string, (x: unknown) => boolean, string][] = [
      ['replaced', goodChange, 'a figure it replaced (fy, block, line, period, old, new)'],
      ['leftOutRows', (x) => isCount(x), 'a row number'],
    ];
    for (const [k, good, what] of notes) {
      const xs = r[k];
      if (!Array.isArray(xs)) {
        if (this.repair) {
          out = { ...out, [k]: [] };
          this.notes.push(`${w}.${k} was not a list and is left empty`);
        } else this.err(`${w}.${k}`, xs, 'a list');
        continue;
      }
      let bad = -1;
      for (let j = 0; j < xs.length && bad < 0; j++) if (!good(xs[j])) bad = j;
      if (bad < 0) continue;
      if (this.repair) {
        out = { ...out, [k]: xs.filter(good) };
        this.notes.push(`${w}.${k}: entries that could not be read were left out`);
      } else this.err(`${w}.${k}[${bad}]`, xs[bad], what);
    }
    this.dataset(r.data, `${w}.data`);
    const rec = out as unknown as ImportRecord;
    // Migrations of the file's own shape, one step per version, as in db.ts.
    const v2 = this.version < 2 ? { ...rec, rowsSkipped: 0 } : rec;
    return this.version < 3 ? { ...v2, rowsExcluded: 0 } : v2;
  }

  /** The DfE tables of a national record: each table with its rows of text cells. */
  national(n: unknown, at: string) {
    if (!obj(n) || !Array.isArray(n.tables) || !Array.isArray(n.ignored) || !Array.isArray(n.warnings)) return this.err(at, n, 'an object with tables, ignored and warnings lists');
    n.tables.forEach((t: unknown, i) => {
      const w = `${at}.tables[${i}]`;
      if (!obj(t) || !isText(t.id) || !isText(t.file) || !isText(t.periodType) || !Array.isArray(t.columns) || !Array.isArray(t.rows)) return this.err(w, t, 'a table with id, file, periodType, columns and rows');
      const bad = t.rows.findIndex((r: unknown) => !obj(r) || !isText(r.period) || !isText(r.level) || !isText(r.name) || !Array.isArray(r.values) || !r.values.every(isText));
      if (bad >= 0) this.err(`${w}.rows[${bad}]`, t.rows[bad], 'a row with period, level, name and values (text)');
    });
  }

  mappings(mappings: unknown) {
    const xs = this.list(mappings, 'mappings');
    for (let i = 0; i < xs.length; i++) {
      const m = xs[i];
      const w = `mappings[${i}]`;
      if (!obj(m)) {
        this.err(w, m, 'a column mapping (header, kind, columns)');
        continue;
      }
      this.need(isText(m.header), `${w}.header`, m.header, 'text');
      this.need((KINDS as readonly unknown[]).includes(m.kind), `${w}.kind`, m.kind, `one of ${KINDS.join(', ')}`);
      if (!obj(m.columns)) this.err(`${w}.columns`, m.columns, 'an object from column numbers to field names');
      else for (const [c, f] of Object.entries(m.columns)) if (!/^\d{1,4}$/.test(c) || !isText(f)) this.err(`${w}.columns.${quoteValue(c, 20)}`, f, 'a field name');
    }
    return xs as StoredMapping[];
  }
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function parse(text: string): { ok: true; raw: Obj; version: number } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, errors: ['the file is not a workspace file: it is not JSON (choose a file this app exported)'] };
  }
  if (!obj(raw) || raw.format !== WORKSPACE_FORMAT) {
    return { ok: false, errors: ['the file is not a workspace file of this app (its "format" is missing or different)'] };
  }
  const version = raw.version;
  if (!isInt(version) || version < 1) return { ok: false, errors: [`version: ${describeValue(version)} is not a whole number of 1 or more`] };
  if (version > SCHEMA_VERSION) {
    return { ok: false, errors: [`version: the file was written by a newer version of the app (schema ${version}; this one reads up to ${SCHEMA_VERSION})`] };
  }
  return { ok: true, raw, version };
}

function* check(raw: Obj, version: number, repair: boolean): Generator<number, Check> {
  const c = new Checker(version, repair);
  c.state(raw.state);
  const list = c.list(raw.imports, 'imports');
  const imports: ImportRecord[] = [];
  for (let i = 0; i < list.length; i++) {
    const rec = c.record(list[i], i);
    if (rec) imports.push(rec);
    if (i % CHUNK === CHUNK - 1) yield (i + 1) / list.length;
  }
  const mappings = c.mappings(raw.mappings ?? []);
  // In the order of their ids, as the browser's storage gives them back: the history is merged in
  // that order, so the figures after a reload are the figures shown when the file was opened.
  imports.sort((a, b) => a.id - b.id);
  if (c.errorCount > 0) {
    const more = c.errorCount - c.errors.length;
    return { ok: false, errors: more > 0 ? [...c.errors, `and ${more.toLocaleString('en-GB')} more errors`] : c.errors };
  }
  return {
    ok: true,
    value: { format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: String(raw.exported ?? ''), state: raw.state as StoredState, imports, mappings },
    notes: c.notes,
  };
}

function runSync(g: Generator<number, Check>): Check {
  for (;;) {
    const n = g.next();
    if (n.done) return n.value;
  }
}

/** Parses and validates a workspace file's text; every error names where in the file it is. */
export function readWorkspaceFile(text: string): Check {
  const p = parse(text);
  return p.ok ? runSync(check(p.raw, p.version, false)) : p;
}

/** As readWorkspaceFile, giving way to the page between chunks of records and telling it how far it got (0 to 1). */
export async function readWorkspaceFileAsync(text: string, onProgress?: (fraction: number) => void): Promise<Check> {
  const p = parse(text);
  if (!p.ok) return p;
  const g = check(p.raw, p.version, false);
  for (;;) {
    const n = g.next();
    if (n.done) return n.value;
    onProgress?.(n.value);
    await tick();
  }
}

/**
 * The browser's own stored records, read back: the same check, except that a bad history note is
 * dropped and said so (`notes`) rather than refused, as it holds no figure.
 */
export function checkStored(data: { state: unknown; imports: unknown[]; mappings: unknown[] }): Check {
  return runSync(check({ format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, ...data }, SCHEMA_VERSION, true));
}

/** The errors in one dataset (a snapshot's), by where they are; none when it can be used. */
export function checkDatasetShape(d: unknown, at = 'dataset'): string[] {
  const c = new Checker(SCHEMA_VERSION, true);
  c.dataset(d, at);
  return c.errors;
}
