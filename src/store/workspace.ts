/**
 * The one store: the workspace (data, settings, the chosen year and the viewer's role), the
 * uploads in progress and the import history. Components read it through hooks and change it
 * only through its actions.
 *
 * What the user imports or enters is kept in IndexedDB (src/storage): the store hydrates from it
 * before the app renders (main.tsx gates on `hydrated`), and every change is written in one
 * transaction before the in-memory state follows, so a failed write changes nothing.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { currentYear } from '../domain/calculate';
import { emptyDataset, type AgreementYear, type Dataset } from '../model/dataset';
import { buildReport, type Report } from '../domain/report';
import type { FormChoices } from '../import/forms';
import type { ImportResult } from '../import/importFile';
import { KIND_LABELS, type Kind } from '../model/kinds';
import { normaliseHeader, type ColumnChoices } from '../import/kinds';
import { WorkspaceDb } from '../storage/db';
import type { NationalImport } from '../model/national';
import { DEFAULT_STATE, SCHEMA_VERSION, type StoredMapping, type StoredState } from '../storage/schema';
import { NATIONAL_KIND, type CellChange, type ManualKind, type ImportRecord, type PeriodOfBlock } from '../model/history';
import { checkStored, readWorkspaceFileAsync, toWorkspaceFile, WORKSPACE_FORMAT, type WorkspaceFile } from '../storage/workspaceFile';
import { runImport, type RunningImport } from '../workers/importClient';
import { loadExample } from './example';
import { actualChanges, buildDataset, leftOutRows, rebuild } from './history';
import type { MapEntry } from '../model/costCentreMap';
import { activeMapEntries } from './costCentres';
import { heldPeriods, periodsOf, type LedgerMode } from './ledgerReupload';

export type Role = 'finance' | 'forum' | 'dcs';

export const ROLE_LABELS: Record<Role, string> = {
  finance: 'Finance officer',
  forum: 'Schools forum member',
  dcs: "Director of Children's Services",
};

export type UploadStatus = 'queued' | 'reading' | 'read' | 'failed' | 'cancelled' | 'imported';

/** A file the user has dropped or chosen, on its way through the worker to the store. */
export interface Upload {
  id: number;
  file: File;
  name: string;
  size: number;
  /** The kind the user chose instead of the detected one. */
  kindChoice?: Kind;
  /** The user's column mapping (with kindChoice), laid over the columns matched by their names. */
  columnChoices?: ColumnChoices;
  /** The mapping was remembered from an earlier file with the same header. */
  mappingRemembered?: boolean;
  /** A workbook's sheet the user chose instead of the first of a known kind. */
  sheetChoice?: string;
  /** Forms the user chose for this file where it cannot say (such as what 202304 means): this upload's only. */
  formChoices?: FormChoices;
  status: UploadStatus;
  /** Share of the file parsed, 0 to 1, and rows so far. */
  fraction: number;
  rows: number;
  result?: ImportResult;
  sha256?: string;
  /** Period figures already held that importing this file would change. */
  changes: CellChange[];
  /** When a file with the same bytes was imported before (and not undone). */
  importedBefore?: string;
  /** A ledger for periods already held: replace those periods (the default) or add to them. */
  ledgerMode?: LedgerMode;
  /** The periods (by block) of this ledger that are already held. */
  heldPeriods?: PeriodOfBlock[];
  /** The user confirmed adding again a ledger whose bytes were imported before. */
  confirmedDouble?: boolean;
  message?: string;
  /** A DfE file's tables (src/national), kept apart from the council's data when imported. */
  national?: NationalImport;
}

export interface WorkspaceState {
  dataset: Dataset;
  settings: Settings;
  /** The financial year being viewed; null follows the latest year with actuals. */
  selectedFy: number | null;
  /** View the chosen year as at this period; null is the latest period held. */
  selectedPeriod: number | null;
  role: Role;
  /** Where the data came from: the embedded example or the user's own uploads. */
  source: 'example' | 'user';
  /** False until the stored data has been read: the app renders nothing of the data before. */
  hydrated: boolean;
  /** Why the browser's storage cannot be used, when it cannot (the app then works read-only). */
  storageError: string | null;
  /** Something the check of the stored data repaired (a history note that could not be read), said once. */
  storageNotice: string | null;
  /** Stored data that could not be rebuilt: kept exactly as read, for the user to export before anything else. */
  unreadable: { reason: string; data: { state: unknown; imports: unknown[]; mappings: unknown[] } } | null;
  /** While a workspace file is being opened: how far it has got, in words. */
  workspaceProgress: string | null;
  imports: ImportRecord[];
  mappings: StoredMapping[];
  uploads: Upload[];
  setRole(role: Role): void;
  selectYear(fy: number | null): void;
  selectPeriod(period: number | null): void;
  setSettings(settings: Settings): Promise<string | null>;
  replaceDataset(dataset: Dataset, source: 'example' | 'user'): void;
  hydrate(): Promise<void>;
  addFiles(files: File[]): void;
  setUploadKind(id: number, kind: Kind | undefined): void;
  /** Reads the file again with the user's column mapping for the kind. */
  setUploadColumns(id: number, kind: Kind, choices: ColumnChoices): void;
  /** Reads a workbook again, taking this sheet (its kind detected afresh). */
  setUploadSheet(id: number, sheet: string): void;
  /** Reads the file again with these forms (added to those already chosen for it). */
  setUploadForms(id: number, forms: FormChoices): void;
  cancelUpload(id: number): void;
  setLedgerMode(id: number, mode: LedgerMode): void;
  confirmDouble(id: number, confirmed: boolean): void;
  /** Keeps every hand mapping of cost centres as one history record (undoable); files waiting are read again with them. */
  saveHandMap(entries: MapEntry[]): Promise<string | null>;
  dismissUpload(id: number): void;
  /** Stores the upload's valid rows (the caller has shown any errors and changes and the user chose). */
  commitUpload(id: number): Promise<void>;
  /** Stores a DfE file's tables as their own history entry (undoable), apart from the council's data. */
  commitNational(id: number): Promise<void>;
  undoImport(id: number): Promise<string | null>;
  redoImport(id: number): Promise<string | null>;
  saveAgreement(years: AgreementYear[]): Promise<string | null>;
  /**
   * Keeps an edit made by hand (conditions, contributions, commentary, scenarios…) as a history
   * record holding just what was edited; later records replace earlier ones (mergeDatasets), and
   * undo restores the previous state. Returns the storage error, or null.
   */
  saveEdit(kind: ManualKind, label: string, part: Partial<Dataset>, count: number): Promise<string | null>;
  exportWorkspace(): WorkspaceFile;
  loadWorkspace(text: string): Promise<{ ok: true } | { ok: false; errors: string[] }>;
  resetToExample(): Promise<string | null>;
  /** Deletes everything stored and says what it really did (read back from the storage). */
  deleteAll(): Promise<{ error: boolean; text: string }>;
  /** The unreadable stored data exactly as read, as a workspace file's text. */
  exportUnreadable(): string;
  /** Replaces unreadable stored data with the example (after the user has had the chance to export it). */
  discardUnreadable(): Promise<string | null>;
}

/** How each kind of hand edit is named in the import history. */
const MANUAL_FILE_NAMES: Record<ManualKind, string> = {
  'manual-agreement': 'Agreement entered by hand',
  'manual-conditions': 'Conditions entered by hand',
  'manual-contributions': 'Contributions entered by hand',
  'manual-commentary': 'Commentary entered by hand',
  'manual-scenarios': 'Scenarios saved',
  'manual-costcentres': 'Cost centres mapped by hand',
};

const ROLE_KEY = 'dsg-monitor.role';

function savedRole(): Role {
  try {
    const r = globalThis.localStorage?.getItem(ROLE_KEY);
    return r === 'finance' || r === 'forum' || r === 'dcs' ? r : 'finance';
  } catch {
    return 'finance';
  }
}

let exampleCache: Dataset | undefined;
const example = () => (exampleCache ??= loadExample());

let db: WorkspaceDb | null = null;
const running = new Map<number, RunningImport>();
let nextUploadId = 1;
/** Ids for imports when the browser's storage is unavailable. */
let nextLocalId = 1;

/** Tells other tabs that the stored data changed, so they read it again (the last writer wins otherwise). */
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel('dsg-monitor') : null;
const announce = () => channel?.postMessage('changed');

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The largest id, in a loop: spreading 150,000 ids into Math.max overflows the call stack. */
function maxId(imports: readonly { id: number }[]): number {
  let m = 0;
  for (const r of imports) if (r.id > m) m = r.id;
  return m;
}

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  const stored = (): StoredState => ({ source: get().source, settings: get().settings });

  /** Recomputes what each waiting upload would change, against the data as it now stands. */
  const refreshChanges = (uploads: Upload[], imports: ImportRecord[], source: 'example' | 'user'): Upload[] => {
    if (!uploads.some((u) => u.status === 'read')) return uploads;
    const before = get().dataset;
    return uploads.map((u) => {
      if (u.status !== 'read' || !u.result?.kind) return u;
      const live = imports.filter((r) => !r.undoneAt);
      // The same bytes and the same sheet (another sheet of one workbook is other figures); a record
      // kept before sheets were recorded matches on the bytes alone, so a double is never missed.
      const same = live.find((r) => r.sha256 === u.sha256 && (r.sheet === undefined || r.sheet === (u.result?.sheet ?? '')));
      const held = source === 'example' || u.result.kind !== 'ledger' ? [] : heldPeriods(before, periodsOf(u.result.data));
      const next = { ...u, heldPeriods: held, importedBefore: same?.time };
      let changes: CellChange[] = [];
      try {
        if (source !== 'example' && u.result.data.actuals.length > 0) changes = actualChanges(before, buildDataset('user', [...imports, draftRecord(next, 0)], example));
      } catch (e) {
        // The import itself is checked (and refused) when it is committed; here only the preview of changes is lost.
        return { ...next, changes, message: `The changes this file would make cannot be listed: ${message(e)}` };
      }
      return { ...next, changes };
    });
  };

  /** The data the history would give, rebuilt in memory before anything is stored (see `rebuild`). */
  const prepare = (imports: ImportRecord[], source: 'example' | 'user', settings = get().settings) => rebuild(source, imports, example, settings);

  const applyImports = (imports: ImportRecord[], source: 'example' | 'user', built: { dataset: Dataset; report: Report }) => {
    // A changed cost-centre map (hand mappings, a map file, a budget) reads again the files waiting that use it.
    const mapBefore = JSON.stringify(activeMapEntries(get().imports, get().dataset));
    lastFull = { dataset: built.dataset, settings: get().settings, report: built.report };
    const requeue = JSON.stringify(activeMapEntries(imports, built.dataset)) !== mapBefore;
    if (requeue) {
      set({ uploads: get().uploads.map((u) => (u.status === 'read' && u.result?.costCentres ? { ...u, status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 } : u)) });
    }
    set({ imports, source, dataset: built.dataset });
    set({ uploads: refreshChanges(get().uploads, imports, source) });
    if (requeue) pump();
  };

  /** Why nothing can be stored, when the browser's storage could not be opened. */
  const noStorage = () => `Nothing was stored: ${get().storageError ?? 'the browser’s storage is not available'}`;

  const patchUpload = (id: number, patch: Partial<Upload>) =>
    set({ uploads: get().uploads.map((u) => (u.id === id ? { ...u, ...patch } : u)) });

  /** Reads queued files one at a time, so a large file has the worker to itself. */
  const pump = () => {
    if (get().uploads.some((u) => u.status === 'reading')) return;
    const next = get().uploads.find((u) => u.status === 'queued');
    if (!next) return;
    patchUpload(next.id, { status: 'reading', fraction: 0, rows: 0, message: undefined });
    const job = runImport(next.file, next.name, next.kindChoice, (fraction, rows) => patchUpload(next.id, { fraction, rows }), next.kindChoice ? next.columnChoices : undefined, activeMapEntries(get().imports, get().dataset), next.sheetChoice, next.formChoices);
    running.set(next.id, job);
    job.promise
      .then((outcome) => {
        if (outcome === 'cancelled') return;
        if ('national' in outcome) {
          const rows = outcome.national.tables.reduce((n, t) => n + t.rows.length, 0);
          if (get().uploads.some((x) => x.id === next.id && x.status === 'reading')) {
            patchUpload(next.id, { status: 'read', fraction: 1, rows, national: outcome.national, sha256: outcome.sha256, size: outcome.size });
          }
          return;
        }
        // A file with the same header as one mapped by hand before is read again with that mapping.
        const header = outcome.result.header;
        const remembered = header && !next.kindChoice ? get().mappings.find((m) => m.header === headerKey(header)) : undefined;
        if (remembered && get().uploads.some((x) => x.id === next.id && x.status === 'reading')) {
          patchUpload(next.id, { status: 'queued', kindChoice: remembered.kind, columnChoices: remembered.columns as ColumnChoices, mappingRemembered: true });
          return;
        }
        const { imports, source } = get();
        const [u] = refreshChanges(
          [{ ...next, status: 'read', fraction: 1, rows: outcome.result.rowsRead, result: outcome.result, sha256: outcome.sha256, size: outcome.size }],
          imports,
          source,
        );
        if (get().uploads.some((x) => x.id === next.id && x.status === 'reading')) patchUpload(next.id, u!);
      })
      .catch((e: unknown) => patchUpload(next.id, { status: 'failed', message: `The file could not be read: ${message(e)}` }))
      .finally(() => {
        running.delete(next.id);
        pump();
      });
  };

  /** Writes through to IndexedDB when it is there; returns the error message, or null. */
  const write = async (op: (d: WorkspaceDb) => Promise<unknown>): Promise<string | null> => {
    // A write that did not happen is never reported as done.
    if (!db) return noStorage();
    try {
      await op(db);
      announce();
      return null;
    } catch (e) {
      return message(e);
    }
  };

  return {
    dataset: example(),
    settings: DEFAULT_SETTINGS,
    selectedFy: null,
    selectedPeriod: null,
    role: savedRole(),
    source: 'example',
    hydrated: false,
    storageError: null,
    storageNotice: null,
    unreadable: null,
    workspaceProgress: null,
    imports: [],
    mappings: [],
    uploads: [],
    setRole(role) {
      try {
        globalThis.localStorage?.setItem(ROLE_KEY, role);
      } catch {
        // Private browsing can refuse storage; the choice still holds for this visit.
      }
      set({ role });
    },
    selectYear(fy) {
      set({ selectedFy: fy, selectedPeriod: null });
    },
    selectPeriod(period) {
      set({ selectedPeriod: period });
    },
    async setSettings(settings) {
      // The years whose income is the allocation, and the LA code that finds it, change the data itself.
      const before = get().settings;
      const reread = JSON.stringify(before.allocationYears ?? []) !== JSON.stringify(settings.allocationYears ?? []) || (settings.allocationYears?.length && before.laCode !== settings.laCode);
      const built = reread ? prepare(get().imports, get().source, settings) : null;
      if (built && !built.ok) return `Not saved: ${built.reason}.`;
      const error = await write((d) => d.saveState({ ...stored(), settings }));
      if (!error) set({ settings });
      if (!error && built?.ok) applyImports(get().imports, get().source, built);
      return error;
    },
    replaceDataset(dataset, source) {
      set({ dataset, source, selectedFy: null, selectedPeriod: null });
    },
    async hydrate() {
      let loaded;
      try {
        db ??= await WorkspaceDb.open();
        loaded = await db.load();
      } catch (e) {
        db = null;
        set({
          hydrated: true,
          storageError: `${message(e)} The app shows the example data and works read-only: nothing can be imported, changed or kept in this browser.`,
        });
        return;
      }
      // The stored data is checked as a workspace file is, then rebuilt; data that fails either is
      // never discarded: it is kept as read, for the user to export first (HydrationGate).
      const checked = checkStored(loaded);
      if (!checked.ok) {
        set({ hydrated: true, storageError: null, unreadable: { reason: `it does not pass the check: ${checked.errors.join('; ')}`, data: loaded } });
        return;
      }
      const { state, imports, mappings } = checked.value;
      const built = prepare(imports, state.source, state.settings);
      if (!built.ok) {
        set({ hydrated: true, storageError: null, unreadable: { reason: built.reason, data: loaded } });
        return;
      }
      nextLocalId = maxId(imports) + 1;
      set({
        settings: state.settings, mappings, hydrated: true, storageError: null, unreadable: null,
        storageNotice: checked.notes.length > 0 ? `Some notes in the import history could not be read and are not shown (${checked.notes.slice(0, 3).join('; ')}). The figures are not affected.` : null,
      });
      applyImports(imports, state.source, built);
    },
    addFiles(files) {
      const added: Upload[] = files.map((file) => ({
        id: nextUploadId++, file, name: file.name, size: file.size, status: 'queued', fraction: 0, rows: 0, changes: [],
      }));
      set({ uploads: [...get().uploads, ...added] });
      pump();
    },
    setUploadKind(id, kind) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status === 'reading' || u.status === 'imported') return;
      patchUpload(id, { kindChoice: kind, columnChoices: undefined, mappingRemembered: false, status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 });
      pump();
    },
    setUploadColumns(id, kind, choices) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status === 'reading' || u.status === 'imported') return;
      patchUpload(id, { kindChoice: kind, columnChoices: choices, mappingRemembered: false, status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 });
      pump();
    },
    setUploadSheet(id, sheet) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status === 'reading' || u.status === 'imported') return;
      patchUpload(id, { sheetChoice: sheet, kindChoice: undefined, columnChoices: undefined, mappingRemembered: false, status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 });
      pump();
    },
    setUploadForms(id, forms) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status === 'reading' || u.status === 'imported') return;
      patchUpload(id, { formChoices: { ...u.formChoices, ...forms }, status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 });
      pump();
    },
    cancelUpload(id) {
      running.get(id)?.cancel();
      running.delete(id);
      patchUpload(id, { status: 'cancelled', message: 'Cancelled: nothing from this file was stored.' });
      pump();
    },
    setLedgerMode(id, mode) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status !== 'read') return;
      patchUpload(id, { ledgerMode: mode, confirmedDouble: false });
      patchUpload(id, refreshChanges([get().uploads.find((x) => x.id === id)!], get().imports, get().source)[0]!);
    },
    confirmDouble(id, confirmed) {
      patchUpload(id, { confirmedDouble: confirmed });
    },
    async saveHandMap(entries) {
      const record: ImportRecord = {
        id: 0, time: new Date().toISOString(), file: MANUAL_FILE_NAMES['manual-costcentres'], size: 0, sha256: '', kind: 'manual-costcentres',
        kindLabel: `cost centre map (${entries.length} mapped by hand)`, rowsRead: entries.length, rowsImported: entries.length, rowsRejected: 0,
        rowsSkipped: 0, rowsExcluded: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), costCentreMap: entries,
      };
      if (!db) return `Not saved. ${noStorage()}`;
      // Rebuilt in memory first, as every change is, before anything is stored.
      const built = prepare([...get().imports, record], get().source);
      if (!built.ok) return `Not saved: ${built.reason}. Nothing was changed.`;
      let recId: number;
      try {
        // The source stays as it is: mapping cost centres does not turn the example into the user's data.
        recId = await db.commitImport(omitId(record), stored());
        announce();
      } catch (e) {
        return message(e);
      }
      nextLocalId = Math.max(nextLocalId, recId) + 1;
      applyImports([...get().imports, { ...record, id: recId }], get().source, built);
      return null;
    },
    dismissUpload(id) {
      if (running.has(id)) get().cancelUpload(id);
      set({ uploads: get().uploads.filter((u) => u.id !== id) });
    },
    async commitUpload(id) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status !== 'read' || !u.result?.kind || u.result.rowsImported === 0) return;
      if (u.importedBefore && u.result.kind === 'ledger' && u.ledgerMode === 'add' && !u.confirmedDouble) return;
      const record = draftRecord(u, 0);
      const wasExample = get().source === 'example';
      // The first import replaces the example, but not the cost centres mapped by hand meanwhile, nor the DfE tables held beside it.
      const base = wasExample ? get().imports.filter((r) => r.kind === 'manual-costcentres' || r.kind === NATIONAL_KIND) : get().imports;
      const state: StoredState = { source: 'user', settings: get().settings };
      // A mapping made by hand is remembered for the next file with the same header.
      const mapping: StoredMapping | undefined =
        u.columnChoices && u.kindChoice && u.result.header ? { header: headerKey(u.result.header), kind: u.kindChoice, columns: u.columnChoices } : undefined;
      if (!db) {
        patchUpload(id, { message: `Not imported. ${noStorage()}` });
        return;
      }
      // Rebuilt in memory first: a file whose figures, with those held, leave the exact range is refused here.
      const built = prepare([...base, record], 'user');
      if (!built.ok) {
        patchUpload(id, { message: `Not imported: with ${u.name}, ${built.reason}. Nothing was stored.` });
        return;
      }
      let recId: number;
      try {
        recId = await db.commitImport(omitId(record), state, wasExample ? base : undefined, mapping);
        announce();
      } catch (e) {
        patchUpload(id, { message: message(e) });
        return;
      }
      nextLocalId = Math.max(nextLocalId, recId) + 1;
      if (mapping) set({ mappings: [...get().mappings.filter((m) => m.header !== mapping.header), mapping] });
      set({ uploads: get().uploads.map((x) => (x.id === id ? { ...x, status: 'imported', message: undefined } : x)) });
      const imports = [...base, { ...record, id: recId }];
      applyImports(imports, 'user', { ...built, dataset: built.dataset });
    },
    async commitNational(id) {
      const u = get().uploads.find((x) => x.id === id);
      if (!u || u.status !== 'read' || !u.national || u.national.tables.length === 0) return;
      const rows = u.national.tables.reduce((n, t) => n + t.rows.length, 0);
      const record: ImportRecord = {
        id: 0, time: new Date().toISOString(), file: u.name, size: u.size, sha256: u.sha256 ?? '', kind: NATIONAL_KIND,
        kindLabel: 'DfE national tables', rowsRead: rows, rowsImported: rows, rowsRejected: 0, rowsSkipped: 0,
        warningCount: u.national.warnings.length, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), national: u.national,
      };
      // Kept apart from the council's data: the example, if shown, stays the example.
      const state = stored();
      if (!db) {
        patchUpload(id, { message: `Not imported. ${noStorage()}` });
        return;
      }
      const built = prepare([...get().imports, record], get().source);
      if (!built.ok) {
        patchUpload(id, { message: `Not imported: with ${u.name}, ${built.reason}. Nothing was stored.` });
        return;
      }
      let recId: number;
      try {
        recId = await db.commitImport(omitId(record), state);
        announce();
      } catch (e) {
        patchUpload(id, { message: message(e) });
        return;
      }
      nextLocalId = Math.max(nextLocalId, recId) + 1;
      set({ uploads: get().uploads.map((x) => (x.id === id ? { ...x, status: 'imported', message: undefined } : x)) });
      applyImports([...get().imports, { ...record, id: recId }], get().source, built);
    },
    async undoImport(id) {
      const undoneAt = new Date().toISOString();
      const imports = get().imports.map((r) => (r.id === id ? { ...r, undoneAt } : r));
      const built = prepare(imports, get().source);
      if (!built.ok) return `Not undone: ${built.reason}. Nothing was changed.`;
      const error = await write((d) => d.setUndone(id, undoneAt));
      if (!error) applyImports(imports, get().source, built);
      return error;
    },
    async redoImport(id) {
      const imports = get().imports.map((r) => {
        if (r.id !== id) return r;
        const next = { ...r };
        delete next.undoneAt;
        return next;
      });
      const built = prepare(imports, get().source);
      if (!built.ok) return `Not redone: ${built.reason}. Nothing was changed.`;
      const error = await write((d) => d.setUndone(id, undefined));
      if (!error) applyImports(imports, get().source, built);
      return error;
    },
    saveAgreement(years) {
      return get().saveEdit('manual-agreement', 'Safety Valve agreement (entered by hand)', { agreement: years }, years.length);
    },
    async saveEdit(kind, label, part, count) {
      const data = { ...emptyDataset(), ...part };
      const wasExample = get().source === 'example';
      // Editing the example starts the user's own workspace from the example's data.
      const maps = get().imports.filter((r) => r.kind === 'manual-costcentres' || r.kind === NATIONAL_KIND);
      const base = wasExample ? [...maps, ...exampleAsImports(Math.max(0, ...maps.map((r) => r.id)) + 1)] : get().imports;
      const record: ImportRecord = {
        id: 0, time: new Date().toISOString(), file: MANUAL_FILE_NAMES[kind], size: 0, sha256: '', kind,
        kindLabel: label, rowsRead: count, rowsImported: count, rowsRejected: 0,
        rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data,
      };
      const state: StoredState = { source: 'user', settings: get().settings };
      if (!db) return noStorage();
      const built = prepare([...base, record], 'user');
      if (!built.ok) return `Not saved: ${built.reason}. Nothing was changed.`;
      let recId: number;
      try {
        recId = await db.commitImport(omitId(record), state, wasExample ? base : undefined);
        announce();
      } catch (e) {
        return message(e);
      }
      nextLocalId = recId + 1;
      applyImports([...base, { ...record, id: recId }], 'user', built);
      return null;
    },
    exportWorkspace() {
      return toWorkspaceFile({ state: stored(), imports: get().imports, mappings: get().mappings });
    },
    async loadWorkspace(text) {
      // Validated whole, then rebuilt in memory, and only then written, in one transaction: a file
      // refused at any step leaves the stored data exactly as it was.
      try {
        const progress = (what: string) => (f: number) => set({ workspaceProgress: `${what}: ${Math.round(f * 100)}%` });
        set({ workspaceProgress: 'Checking the file…' });
        const read = await readWorkspaceFileAsync(text, progress('Checking the file'));
        if (!read.ok) return read;
        const { state, imports, mappings } = read.value;
        set({ workspaceProgress: 'Rebuilding the figures…' });
        await new Promise((r) => setTimeout(r, 0));
        const built = prepare(imports, state.source, state.settings);
        if (!built.ok) return { ok: false, errors: [`the file's data cannot be rebuilt: ${built.reason}`] };
        set({ workspaceProgress: 'Storing it…' });
        const error = await write((d) => d.replaceAll({ state, imports, mappings }, progress('Storing it')));
        if (error) return { ok: false, errors: [error] };
        nextLocalId = maxId(imports) + 1;
        set({ settings: state.settings, mappings, selectedFy: null, selectedPeriod: null, unreadable: null });
        applyImports(imports, state.source, built);
        return { ok: true };
      } catch (e) {
        return { ok: false, errors: [`the file could not be opened: ${message(e)}`] };
      } finally {
        set({ workspaceProgress: null });
      }
    },
    async resetToExample() {
      const state: StoredState = { source: 'example', settings: get().settings };
      const kept = nationalRecords(get().imports);
      const built = prepare(kept, 'example');
      if (!built.ok) return built.reason;
      const error = await write((d) => d.replaceAll({ state, imports: kept, mappings: get().mappings }));
      if (!error) {
        set({ selectedFy: null, selectedPeriod: null });
        applyImports(kept, 'example', built);
      }
      return error;
    },
    async deleteAll() {
      if (!db) return { error: true, text: `Nothing was deleted: ${get().storageError ?? 'the browser’s storage is not available'}` };
      let before;
      try {
        before = await db.counts();
      } catch (e) {
        return { error: true, text: `Nothing was deleted: ${message(e)}` };
      }
      const state: StoredState = { source: 'user', settings: DEFAULT_STATE.settings };
      const error = await write((d) => d.replaceAll({ state, imports: [], mappings: [] }));
      if (error) return { error: true, text: `Nothing was deleted: ${error}` };
      set({ settings: state.settings, mappings: [], selectedFy: null, selectedPeriod: null });
      applyImports([], 'user', { dataset: emptyDataset(), report: buildReport(emptyDataset(), state.settings) });
      // Said from what the storage holds now, read back, not from what was asked of it.
      const after = await db.counts().catch(() => null);
      if (!after || after.imports > 0 || after.mappings > 0) {
        return { error: true, text: `The browser reported the deletion as done, but reading its storage back ${after ? `finds ${after.imports} history entries and ${after.mappings} column mappings still there` : 'failed'}. Reload the page and try again.` };
      }
      const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;
      return { error: false, text: `Deleted from this browser: ${n(before.imports, 'history entry', 'history entries')} (imports and edits) and ${n(before.mappings, 'column mapping', 'column mappings')}; the settings are back to their defaults. Nothing of yours is left in this browser's storage.` };
    },
    exportUnreadable() {
      const u = get().unreadable;
      const data = u?.data ?? { state: null, imports: [], mappings: [] };
      return JSON.stringify({ format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: new Date().toISOString(), note: `Exported as stored; it could not be opened because ${u?.reason ?? ''}`, ...data });
    },
    async discardUnreadable() {
      if (!db) return noStorage();
      const state: StoredState = { source: 'example', settings: DEFAULT_STATE.settings };
      const built = prepare([], 'example', state.settings);
      if (!built.ok) return built.reason;
      const error = await write((d) => d.replaceAll({ state, imports: [], mappings: [] }));
      if (error) return error;
      set({ settings: state.settings, mappings: [], unreadable: null, selectedFy: null, selectedPeriod: null });
      applyImports([], 'example', built);
      return null;
    },
  };
});

channel?.addEventListener('message', () => {
  void useWorkspace.getState().hydrate();
});

/** A header as the mapping memory knows it: each cell normalised, joined. */
export function headerKey(header: string[]): string {
  return header.map(normaliseHeader).join('|');
}

function omitId(r: ImportRecord): Omit<ImportRecord, 'id'> {
  const rest: Partial<ImportRecord> = { ...r };
  delete rest.id;
  return rest as Omit<ImportRecord, 'id'>;
}

/** The DfE tables held: kept when the example gives way to the user's own data. */
function nationalRecords(imports: ImportRecord[]): ImportRecord[] {
  return imports.filter((r) => r.kind === NATIONAL_KIND);
}

/** The history record an upload would become. */
function draftRecord(u: Upload, id: number): ImportRecord {
  const r = u.result!;
  const kind = r.kind!;
  return {
    id,
    time: new Date().toISOString(),
    file: u.name,
    size: u.size,
    sha256: u.sha256 ?? '',
    sheet: r.sheet ?? '',
    kind,
    kindLabel: KIND_LABELS[kind],
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    rowsRejected: r.rowsRejected,
    rowsSkipped: r.skipped.length,
    rowsExcluded: r.costCentres?.excludedRows ?? 0,
    warningCount: r.warnings.length,
    leftOutRows: leftOutRows(r.errors),
    replaced: u.changes,
    ...(r.costCentreMap ? { costCentreMap: r.costCentreMap } : {}),
    additive: kind === 'ledger' && u.ledgerMode === 'add',
    ...(kind === 'ledger' && u.ledgerMode !== 'add' && u.heldPeriods?.length ? { replaces: periodsOf(r.data) } : {}),
    data: r.data,
  };
}

/** The example as one history entry, for when the user amends it by hand. */
function exampleAsImports(id = 1): ImportRecord[] {
  return [
    {
      id, time: new Date().toISOString(), file: 'Example data (Torbay 2022-23)', size: 0, sha256: '', kind: 'budget',
      kindLabel: 'the example data', rowsRead: 0, rowsImported: 0, rowsRejected: 0, rowsSkipped: 0, warningCount: 0,
      leftOutRows: [], replaced: [], additive: false, data: example(),
    },
  ];
}

/**
 * The report on all the data held, computed once per dataset and settings: the header's period
 * chooser and the views both need it, and it is the costliest thing the page computes.
 */
let lastFull: { dataset: Dataset; settings: Settings; report: Report } | undefined;
function fullReport(dataset: Dataset, settings: Settings): Report {
  if (lastFull?.dataset !== dataset || lastFull.settings !== settings) lastFull = { dataset, settings, report: buildReport(dataset, settings) };
  return lastFull.report;
}

/** The same for the year viewed as at a period: one for the header and the view alike. */
let lastAsAt: { dataset: Dataset; settings: Settings; fy: number; period: number; report: Report } | undefined;
function asAtReport(dataset: Dataset, settings: Settings, fy: number, period: number): Report {
  if (lastAsAt?.dataset !== dataset || lastAsAt.settings !== settings || lastAsAt.fy !== fy || lastAsAt.period !== period) {
    lastAsAt = { dataset, settings, fy, period, report: buildReport(dataset, settings, [], { fy, period }) };
  }
  return lastAsAt.report;
}

/** The report for the workspace, recomputed only when its data, settings or as-at period change. */
export function useReport(): Report {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  const fy = useWorkspace((s) => s.selectedFy);
  const period = useWorkspace((s) => s.selectedPeriod);
  return useMemo(() => {
    const full = fullReport(dataset, settings);
    if (period === null) return full;
    // "As at" applies to the year in view: the chosen one, else the latest with actuals.
    const viewed = fy ?? currentYear(full)?.fy;
    return viewed === undefined ? full : asAtReport(dataset, settings, viewed, period);
  }, [dataset, settings, fy, period]);
}

/** The latest period held for each year, whatever period is being viewed (for the period chooser). */
export function useLatestPeriods(): Map<number, number | null> {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  return useMemo(() => new Map(fullReport(dataset, settings).years.map((y) => [y.fy, y.latestPeriod])), [dataset, settings]);
}

/** The year being viewed: the chosen one, else the latest with actuals. */
export function useSelectedYear(report: Report) {
  const selectedFy = useWorkspace((s) => s.selectedFy);
  return report.years.find((y) => y.fy === selectedFy) ?? currentYear(report);
}
