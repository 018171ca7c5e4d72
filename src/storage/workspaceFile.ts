/**
 * The workspace file: everything the browser holds (settings, import history with its data,
 * remembered mappings) as one JSON file, and its validation when it is loaded on another machine.
 * Pure: no storage or DOM, so it is tested in Node.
 */
import { BLOCKS } from '../domain/blocks';
import { FIRST_FY, LAST_FY } from '../domain/calendar';
import { EHCP_FIELDS, type Dataset } from '../domain/dataset';
import { parseTolerance } from '../domain/settings';
import { LA_CODE_ACCEPTED, parseLaCode } from '../national/context';
import { KINDS } from '../import/kinds';
import { MANUAL_KINDS, NATIONAL_KIND, SCHEMA_VERSION, type ImportRecord, type StoredMapping, type StoredState } from './schema';

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

type Check = { ok: true; value: WorkspaceFile } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;

/** Parses and validates a workspace file's text; every error names where in the file it is. */
export function readWorkspaceFile(text: string): Check {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, errors: ['the file is not a workspace file: it is not JSON (choose a file this app exported)'] };
  }
  const errors: string[] = [];
  const err = (where: string, what: string) => {
    if (errors.length < MAX_ERRORS) errors.push(`${where}: ${what}`);
  };
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(raw) || raw.format !== WORKSPACE_FORMAT) {
    return { ok: false, errors: ['the file is not a workspace file of this app (its "format" is missing or different)'] };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, errors: ['version: missing or not a whole number'] };
  if (version > SCHEMA_VERSION) {
    return { ok: false, errors: [`version: the file was written by a newer version of the app (schema ${version}; this one reads up to ${SCHEMA_VERSION})`] };
  }
  const isInt = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);
  const isPence = isInt;
  const isFy = (v: unknown) => isInt(v) && (v as number) >= FIRST_FY && (v as number) <= LAST_FY;
  const isMonth = (v: unknown) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
  const isBlock = (v: unknown) => (BLOCKS as readonly unknown[]).includes(v);
  const isText = (v: unknown) => typeof v === 'string';
  const optText = (v: unknown) => v === undefined || typeof v === 'string';
  const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

  const state = raw.state;
  if (!obj(state)) err('state', 'missing');
  else {
    if (state.source !== 'example' && state.source !== 'user') err('state.source', 'must be "example" or "user"');
    const tol = obj(state.settings) ? state.settings.tolerance : undefined;
    if (typeof tol !== 'string' || !parseTolerance(tol).ok) err('state.settings.tolerance', 'must be a fraction from 0 to 1, such as "0.02"');
    const st = obj(state.settings) ? state.settings : {};
    if (st.laCode !== undefined && !(typeof st.laCode === 'string' && parseLaCode(st.laCode).ok)) err('state.settings.laCode', LA_CODE_ACCEPTED);
    if (st.comparators !== undefined && !(Array.isArray(st.comparators) && st.comparators.every((c) => typeof c === 'string' && parseLaCode(c).ok))) {
      err('state.settings.comparators', `a list of LA codes (${LA_CODE_ACCEPTED})`);
    }
  }

  /** The agreement's years (the original or a revision): each year once, amounts in pence. */
  const agreementYears = (list: unknown[], at: string) => {
    const years = new Set<unknown>();
    list.forEach((y, i) => {
      const w = `${at}[${i}]`;
      if (!obj(y)) return err(w, 'not an object');
      if (!isFy(y.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      else if (years.has(y.fy)) err(`${w}.fy`, 'the same year appears twice');
      years.add(y.fy);
      if (!isPence(y.profile) || !isPence(y.contribution)) err(w, 'profile and contribution must be whole numbers of pence');
      if (typeof y.surplusRequired !== 'boolean') err(`${w}.surplusRequired`, 'true or false');
      if (y.openingDeficit !== undefined && !isPence(y.openingDeficit)) err(`${w}.openingDeficit`, 'a whole number of pence');
    });
  };

  const checkDataset = (d: unknown, at: string) => {
    if (!obj(d)) return err(at, 'missing');
    for (const k of ['budgets', 'actuals', 'funding', 'agreement', 'ehcp', 'targets'] as const) {
      if (!Array.isArray(d[k])) err(`${at}.${k}`, 'must be a list');
    }
    // Later parts of the dataset (instalments, revisions, conditions, comments…) are optional lists.
    for (const k of ['instalments', 'otherContributions', 'revisions', 'conditions', 'comments'] as const) {
      if (d[k] !== undefined && !Array.isArray(d[k])) err(`${at}.${k}`, 'must be a list');
    }
    const rows = (k: keyof Dataset) => (Array.isArray(d[k]) ? (d[k] as unknown[]) : []);
    rows('budgets').forEach((b, i) => {
      const w = `${at}.budgets[${i}]`;
      if (!obj(b)) return err(w, 'not an object');
      if (!isFy(b.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      if (!isBlock(b.block)) err(`${w}.block`, `one of ${BLOCKS.join(', ')}`);
      if (!isText(b.line)) err(`${w}.line`, 'text');
      if (!optText(b.costCentre) || !optText(b.commentary)) err(w, 'cost centre and commentary must be text');
      if (!isPence(b.budget)) err(`${w}.budget`, 'a whole number of pence');
      if (b.profile !== undefined && !(Array.isArray(b.profile) && b.profile.length === 12 && b.profile.every(isPence))) {
        err(`${w}.profile`, 'twelve whole numbers of pence');
      }
    });
    rows('actuals').forEach((a, i) => {
      const w = `${at}.actuals[${i}]`;
      if (!obj(a)) return err(w, 'not an object');
      if (!isFy(a.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      if (!isBlock(a.block)) err(`${w}.block`, `one of ${BLOCKS.join(', ')}`);
      if (!isText(a.line)) err(`${w}.line`, 'text');
      if (!optText(a.costCentre) || !optText(a.commentary)) err(w, 'cost centre and commentary must be text');
      for (const k of ['actuals', 'forecasts'] as const) {
        const v = a[k];
        if (!(Array.isArray(v) && v.length === 12 && v.every((x) => x === null || isPence(x)))) err(`${w}.${k}`, 'twelve whole numbers of pence or nulls');
      }
    });
    rows('funding').forEach((f, i) => {
      const w = `${at}.funding[${i}]`;
      if (!obj(f) || !isFy(f.fy) || !isBlock(f.block) || !isPence(f.income)) err(w, 'needs fy, block and income in pence');
    });
    agreementYears(rows('agreement'), `${at}.agreement`);
    rows('ehcp').forEach((m, i) => {
      const w = `${at}.ehcp[${i}]`;
      if (!obj(m) || !isMonth(m.month)) return err(w, 'needs a month such as "2023-01"');
      for (const f of EHCP_FIELDS) if (m[f] !== undefined && !(isInt(m[f]) && (m[f] as number) >= 0)) err(`${w}.${f}`, 'a whole number of 0 or more');
    });
    rows('targets').forEach((t, i) => {
      const w = `${at}.targets[${i}]`;
      if (!obj(t) || !(EHCP_FIELDS as readonly unknown[]).includes(t.metric) || !isMonth(t.month) || !isInt(t.target)) err(w, 'needs metric, month and target');
    });
    rows('instalments').forEach((x, i) => {
      const w = `${at}.instalments[${i}]`;
      if (!obj(x)) return err(w, 'not an object');
      if (!isFy(x.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      if (!isPence(x.amount)) err(`${w}.amount`, 'a whole number of pence');
      if (!['scheduled', 'received', 'withheld'].includes(x.status as string)) err(`${w}.status`, 'one of scheduled, received, withheld');
      if (x.date !== undefined && !isDate(x.date)) err(`${w}.date`, 'a date such as "2023-03-31"');
      if (!optText(x.note)) err(`${w}.note`, 'text');
    });
    rows('otherContributions').forEach((x, i) => {
      const w = `${at}.otherContributions[${i}]`;
      if (!obj(x)) return err(w, 'not an object');
      if (!isFy(x.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      if (!isPence(x.amount)) err(`${w}.amount`, 'a whole number of pence');
      if (!['council', 'stability-grant', 'other'].includes(x.source as string)) err(`${w}.source`, 'one of council, stability-grant, other');
      if (!isText(x.label)) err(`${w}.label`, 'text');
      if (x.date !== undefined && !isDate(x.date)) err(`${w}.date`, 'a date such as "2023-03-31"');
    });
    rows('revisions').forEach((x, i) => {
      const w = `${at}.revisions[${i}]`;
      if (!obj(x)) return err(w, 'not an object');
      if (!isDate(x.date)) err(`${w}.date`, 'a date such as "2024-03-01"');
      if (!isText(x.label)) err(`${w}.label`, 'text');
      if (!Array.isArray(x.years)) return err(`${w}.years`, 'must be a list');
      agreementYears(x.years, `${w}.years`);
    });
    rows('conditions').forEach((x, i) => {
      const w = `${at}.conditions[${i}]`;
      if (!obj(x)) return err(w, 'not an object');
      if (!isText(x.ref) || !isText(x.text)) err(w, 'ref and text must be text');
      if (!['red', 'amber', 'green', 'not rated'].includes(x.rag as string)) err(`${w}.rag`, 'one of red, amber, green, not rated');
      if (!optText(x.owner) || !optText(x.commentary)) err(w, 'owner and commentary must be text');
      if (x.reviewed !== undefined && !isDate(x.reviewed)) err(`${w}.reviewed`, 'a date such as "2023-03-29"');
    });
    rows('comments').forEach((x, i) => {
      const w = `${at}.comments[${i}]`;
      if (!obj(x)) return err(w, 'not an object');
      if (!isFy(x.fy)) err(`${w}.fy`, `a financial year from ${FIRST_FY} to ${LAST_FY}`);
      if (!isBlock(x.block)) err(`${w}.block`, `one of ${BLOCKS.join(', ')}`);
      if (!isText(x.line) || !isText(x.text) || !isText(x.by)) err(w, 'line, text and by must be text');
      if (!optText(x.costCentre)) err(`${w}.costCentre`, 'text');
      if (x.period !== undefined && !(isInt(x.period) && (x.period as number) >= 1 && (x.period as number) <= 12)) err(`${w}.period`, 'a period from 1 to 12');
      if (!isText(x.at) || Number.isNaN(Date.parse(x.at as string))) err(`${w}.at`, 'a date and time');
    });
  };

  /** The DfE tables of a national record: each table with its rows of text cells. */
  const checkNational = (n: unknown, at: string) => {
    if (!obj(n) || !Array.isArray(n.tables) || !Array.isArray(n.ignored) || !Array.isArray(n.warnings)) return err(at, 'needs tables, ignored and warnings lists');
    n.tables.forEach((t: unknown, i) => {
      const w = `${at}.tables[${i}]`;
      if (!obj(t) || !isText(t.id) || !isText(t.file) || !isText(t.periodType) || !Array.isArray(t.columns) || !Array.isArray(t.rows)) return err(w, 'needs id, file, periodType, columns and rows');
      const bad = t.rows.findIndex((r: unknown) => !obj(r) || !isText(r.period) || !isText(r.level) || !isText(r.name) || !Array.isArray(r.values) || !r.values.every(isText));
      if (bad >= 0) err(`${w}.rows[${bad}]`, 'needs period, level, name and values (text)');
    });
  };

  const imports = raw.imports;
  const ids = new Set<number>();
  if (!Array.isArray(imports)) err('imports', 'must be a list');
  else
    imports.forEach((r: unknown, i) => {
      const w = `imports[${i}]`;
      if (!obj(r)) return err(w, 'not an object');
      if (!isInt(r.id) || (r.id as number) < 1 || ids.has(r.id as number)) err(`${w}.id`, 'a whole number, different for each import');
      ids.add(r.id as number);
      if (!isText(r.time) || Number.isNaN(Date.parse(r.time as string))) err(`${w}.time`, 'a date and time');
      if (!isText(r.file) || !isText(r.kindLabel) || !isText(r.sha256)) err(w, 'file, kindLabel and sha256 must be text');
      const kinds = [...KINDS, ...MANUAL_KINDS, ...(version >= 3 ? [NATIONAL_KIND] : [])];
      if (!kinds.includes(r.kind as never)) err(`${w}.kind`, `one of ${kinds.join(', ')}`);
      if (r.kind === NATIONAL_KIND) checkNational(r.national, `${w}.national`);
      for (const k of ['size', 'rowsRead', 'rowsImported', 'rowsRejected', 'warningCount'] as const) {
        if (!isInt(r[k]) || (r[k] as number) < 0) err(`${w}.${k}`, 'a whole number of 0 or more');
      }
      if (version >= 2 && (!isInt(r.rowsSkipped) || (r.rowsSkipped as number) < 0)) err(`${w}.rowsSkipped`, 'a whole number of 0 or more');
      if (!Array.isArray(r.leftOutRows) || !r.leftOutRows.every(isInt)) err(`${w}.leftOutRows`, 'a list of row numbers');
      if (!Array.isArray(r.replaced)) err(`${w}.replaced`, 'a list');
      if (typeof r.additive !== 'boolean') err(`${w}.additive`, 'true or false');
      if (r.undoneAt !== undefined && !isText(r.undoneAt)) err(`${w}.undoneAt`, 'a date and time');
      checkDataset(r.data, `${w}.data`);
    });

  const mappings = raw.mappings ?? [];
  if (!Array.isArray(mappings)) err('mappings', 'must be a list');
  else
    mappings.forEach((m: unknown, i) => {
      if (!obj(m) || !isText(m.header) || !(KINDS as readonly unknown[]).includes(m.kind) || !obj(m.columns)) err(`mappings[${i}]`, 'needs header, kind and columns');
    });

  if (errors.length > 0) return { ok: false, errors };
  // Migrations of the file's own shape, one step per version, as in db.ts.
  const recs = (imports as ImportRecord[]).map((r) => (version < 2 ? { ...r, rowsSkipped: 0 } : r));
  return {
    ok: true,
    value: { format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: String(raw.exported ?? ''), state: state as StoredState, imports: recs, mappings: mappings as StoredMapping[] },
  };
}
