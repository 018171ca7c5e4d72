/**
 * The workspace store: the data, settings, the chosen year and period, the viewer's role and the
 * import history. Components read it through the hooks in `hooks.ts` and change it only through
 * its actions; the upload queue (views/import/uploadQueue.ts) commits through `commit`.
 *
 * A factory, given its persistence, the example data and a clock: the app gives it IndexedDB
 * (main.tsx), the snapshot no persistence, tests a fake. The store hydrates from the persistence
 * before the app renders (HydrationGate gates on `hydrated`), and every change is rebuilt in
 * memory, then written in one transaction, before the in-memory state follows: a change refused
 * or a failed write changes nothing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { emptyDataset, type AgreementYear, type Dataset } from '../model/dataset';
import { buildReport, type Report } from '../domain/report';
import type { Persistence } from '../storage/persistence';
import { DEFAULT_STATE, SCHEMA_VERSION, type StoredMapping, type StoredState } from '../storage/schema';
import { NATIONAL_KIND, type ImportRecord, type ManualKind } from '../model/history';
import { checkStored, readWorkspaceFileAsync, toWorkspaceFile, WORKSPACE_FORMAT, type WorkspaceFile } from '../storage/workspaceFile';
import { rebuild } from './history';
import type { MapEntry } from '../model/costCentreMap';
import { primeFullReport } from './reports';

export type Role = 'finance' | 'forum' | 'dcs';

export const ROLE_LABELS: Record<Role, string> = {
  finance: 'Finance officer',
  forum: 'Schools forum member',
  dcs: "Director of Children's Services",
};

/**
 * How a new history record meets the example, while the example is shown: an upload `replace`s
 * it (keeping the cost centres mapped by hand), a hand edit `amend`s it (the user's workspace
 * starts from the example's data), a hand mapping `keep`s it (the example stays the example).
 */
export type OverExample = 'replace' | 'amend' | 'keep';

/** Why a commit did not happen: no storage, refused by the rebuild (nothing tried), or the write failed. */
export type CommitOutcome = { ok: true } | { ok: false; why: 'no-storage' | 'refused' | 'write'; message: string };

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
  setRole(role: Role): void;
  selectYear(fy: number | null): void;
  selectPeriod(period: number | null): void;
  setSettings(settings: Settings): Promise<string | null>;
  hydrate(): Promise<void>;
  /**
   * The one commit path: adds a history record (its id and time given here), rebuilt in memory
   * first, then written in one transaction with the state (and `mapping`, a column mapping to
   * remember), and only then shown.
   */
  commit(record: Omit<ImportRecord, 'id' | 'time'>, overExample: OverExample, mapping?: StoredMapping): Promise<CommitOutcome>;
  /** Keeps every hand mapping of cost centres as one history record (undoable); files waiting are read again with them. */
  saveHandMap(entries: MapEntry[]): Promise<string | null>;
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

export type WorkspaceStore = StoreApi<WorkspaceState>;

export interface WorkspaceOptions {
  persistence: Persistence;
  /** The example data, read when first needed (the embedded Torbay files in the app: example.ts). */
  example: () => Dataset;
  /** The time history records and undos are stamped with. */
  clock?: () => Date;
  /** Called after every write that succeeded (the app tells other tabs to read the data again). */
  onStored?: () => void;
  /** State to start from instead of the example (the snapshot's data, already hydrated). */
  initial?: Partial<Pick<WorkspaceState, 'dataset' | 'settings' | 'selectedFy' | 'selectedPeriod' | 'role' | 'source' | 'hydrated'>>;
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

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The largest id, in a loop: spreading 150,000 ids into Math.max overflows the call stack. */
function maxId(imports: readonly { id: number }[]): number {
  let m = 0;
  for (const r of imports) if (r.id > m) m = r.id;
  return m;
}

export function createWorkspaceStore({ persistence, example: loadExample, clock = () => new Date(), onStored, initial }: WorkspaceOptions): WorkspaceStore {
  let exampleCache: Dataset | undefined;
  const example = () => (exampleCache ??= loadExample());
  /** The persistence answered its last load: until then (and after a failed load) nothing is written. */
  let available = false;
  const now = () => clock().toISOString();

  return createStore<WorkspaceState>()((set, get) => {
    const stored = (): StoredState => ({ source: get().source, settings: get().settings });

    /** The data the history would give, rebuilt in memory before anything is stored (see `rebuild`). */
    const prepare = (imports: ImportRecord[], source: 'example' | 'user', settings = get().settings) => rebuild(source, imports, example, settings);

    const applyImports = (imports: ImportRecord[], source: 'example' | 'user', built: { dataset: Dataset; report: Report }) => {
      primeFullReport(built.dataset, get().settings, built.report);
      set({ imports, source, dataset: built.dataset });
    };

    /** Why nothing can be stored, when the browser's storage could not be opened. */
    const noStorage = () => `Nothing was stored: ${get().storageError ?? 'the browser’s storage is not available'}`;

    /** Writes through to the persistence when it is there; returns the error message, or null. */
    const write = async (op: (p: Persistence) => Promise<unknown>): Promise<string | null> => {
      // A write that did not happen is never reported as done.
      if (!available) return noStorage();
      try {
        await op(persistence);
        onStored?.();
        return null;
      } catch (e) {
        return message(e);
      }
    };

    /** The example as one history entry, for when the user amends it by hand. */
    const exampleAsImports = (id: number): ImportRecord[] => [
      {
        id, time: now(), file: 'Example data (Torbay 2022-23)', size: 0, sha256: '', kind: 'budget',
        kindLabel: 'the example data', rowsRead: 0, rowsImported: 0, rowsRejected: 0, rowsSkipped: 0, warningCount: 0,
        leftOutRows: [], replaced: [], additive: false, data: example(),
      },
    ];

    return {
      dataset: initial?.dataset ?? example(),
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
      ...initial,
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
        const error = await write((p) => p.saveState({ ...stored(), settings }));
        if (!error) set({ settings });
        if (!error && built?.ok) applyImports(get().imports, get().source, built);
        return error;
      },
      async hydrate() {
        let loaded;
        try {
          loaded = await persistence.load();
          available = true;
        } catch (e) {
          available = false;
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
        set({
          settings: state.settings, mappings, hydrated: true, storageError: null, unreadable: null,
          storageNotice: checked.notes.length > 0 ? `Some notes in the import history could not be read and are not shown (${checked.notes.slice(0, 3).join('; ')}). The figures are not affected.` : null,
        });
        applyImports(imports, state.source, built);
      },
      async commit(draft, overExample, mapping) {
        const record: ImportRecord = { ...draft, id: 0, time: now() };
        const { imports: held, source } = get();
        const wasExample = source === 'example' && overExample !== 'keep';
        // Over the example, an upload keeps only the cost centres mapped by hand and the DfE tables held
        // beside it; a hand edit also keeps the example's data.
        const maps = held.filter((r) => r.kind === 'manual-costcentres' || r.kind === NATIONAL_KIND);
        const base = !wasExample ? held : overExample === 'replace' ? maps : [...maps, ...exampleAsImports(maxId(maps) + 1)];
        const state: StoredState = overExample === 'keep' ? stored() : { source: 'user', settings: get().settings };
        if (!available) return { ok: false, why: 'no-storage', message: noStorage() };
        const built = prepare([...base, record], state.source);
        if (!built.ok) return { ok: false, why: 'refused', message: built.reason };
        let id: number;
        try {
          const rest: Partial<ImportRecord> = { ...record };
          delete rest.id;
          id = await persistence.commitImport(rest as Omit<ImportRecord, 'id'>, state, wasExample ? base : undefined, mapping);
          onStored?.();
        } catch (e) {
          return { ok: false, why: 'write', message: message(e) };
        }
        if (mapping) set({ mappings: [...get().mappings.filter((m) => m.header !== mapping.header), mapping] });
        applyImports([...base, { ...record, id }], state.source, built);
        return { ok: true };
      },
      async saveHandMap(entries) {
        const outcome = await get().commit(
          {
            file: MANUAL_FILE_NAMES['manual-costcentres'], size: 0, sha256: '', kind: 'manual-costcentres',
            kindLabel: `cost centre map (${entries.length} mapped by hand)`, rowsRead: entries.length, rowsImported: entries.length, rowsRejected: 0,
            rowsSkipped: 0, rowsExcluded: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), costCentreMap: entries,
          },
          // Mapping cost centres does not turn the example into the user's data.
          'keep',
        );
        if (outcome.ok) return null;
        if (outcome.why === 'no-storage') return `Not saved. ${outcome.message}`;
        return outcome.why === 'refused' ? `Not saved: ${outcome.message}. Nothing was changed.` : outcome.message;
      },
      async undoImport(id) {
        const undoneAt = now();
        const imports = get().imports.map((r) => (r.id === id ? { ...r, undoneAt } : r));
        const built = prepare(imports, get().source);
        if (!built.ok) return `Not undone: ${built.reason}. Nothing was changed.`;
        const error = await write((p) => p.setUndone(id, undoneAt));
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
        const error = await write((p) => p.setUndone(id, undefined));
        if (!error) applyImports(imports, get().source, built);
        return error;
      },
      saveAgreement(years) {
        return get().saveEdit('manual-agreement', 'Safety Valve agreement (entered by hand)', { agreement: years }, years.length);
      },
      async saveEdit(kind, label, part, count) {
        const outcome = await get().commit(
          {
            file: MANUAL_FILE_NAMES[kind], size: 0, sha256: '', kind, kindLabel: label, rowsRead: count, rowsImported: count, rowsRejected: 0,
            rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: { ...emptyDataset(), ...part },
          },
          'amend',
        );
        if (outcome.ok) return null;
        return outcome.why === 'refused' ? `Not saved: ${outcome.message}. Nothing was changed.` : outcome.message;
      },
      exportWorkspace() {
        return toWorkspaceFile({ state: stored(), imports: get().imports, mappings: get().mappings }, clock());
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
          const error = await write((p) => p.replaceAll({ state, imports, mappings }, progress('Storing it')));
          if (error) return { ok: false, errors: [error] };
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
        // The DfE tables are not the council's data: they stay beside the example.
        const kept = get().imports.filter((r) => r.kind === NATIONAL_KIND);
        const built = prepare(kept, 'example');
        if (!built.ok) return built.reason;
        const error = await write((p) => p.replaceAll({ state, imports: kept, mappings: get().mappings }));
        if (!error) {
          set({ selectedFy: null, selectedPeriod: null });
          applyImports(kept, 'example', built);
        }
        return error;
      },
      async deleteAll() {
        if (!available) return { error: true, text: `Nothing was deleted: ${get().storageError ?? 'the browser’s storage is not available'}` };
        let before;
        try {
          before = await persistence.counts();
        } catch (e) {
          return { error: true, text: `Nothing was deleted: ${message(e)}` };
        }
        const state: StoredState = { source: 'user', settings: DEFAULT_STATE.settings };
        const error = await write((p) => p.replaceAll({ state, imports: [], mappings: [] }));
        if (error) return { error: true, text: `Nothing was deleted: ${error}` };
        set({ settings: state.settings, mappings: [], selectedFy: null, selectedPeriod: null });
        applyImports([], 'user', { dataset: emptyDataset(), report: buildReport(emptyDataset(), state.settings) });
        // Said from what the storage holds now, read back, not from what was asked of it.
        const after = await persistence.counts().catch(() => null);
        if (!after || after.imports > 0 || after.mappings > 0) {
          return { error: true, text: `The browser reported the deletion as done, but reading its storage back ${after ? `finds ${after.imports} history entries and ${after.mappings} column mappings still there` : 'failed'}. Reload the page and try again.` };
        }
        const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;
        return { error: false, text: `Deleted from this browser: ${n(before.imports, 'history entry', 'history entries')} (imports and edits) and ${n(before.mappings, 'column mapping', 'column mappings')}; the settings are back to their defaults. Nothing of yours is left in this browser's storage.` };
      },
      exportUnreadable() {
        const u = get().unreadable;
        const data = u?.data ?? { state: null, imports: [], mappings: [] };
        return JSON.stringify({ format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: now(), note: `Exported as stored; it could not be opened because ${u?.reason ?? ''}`, ...data });
      },
      async discardUnreadable() {
        if (!available) return noStorage();
        const state: StoredState = { source: 'example', settings: DEFAULT_STATE.settings };
        const built = prepare([], 'example', state.settings);
        if (!built.ok) return built.reason;
        const error = await write((p) => p.replaceAll({ state, imports: [], mappings: [] }));
        if (error) return error;
        set({ settings: state.settings, mappings: [], unreadable: null, selectedFy: null, selectedPeriod: null });
        applyImports([], 'example', built);
        return null;
      },
    };
  });
}
