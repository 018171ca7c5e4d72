/**
 * The files on the Import screen: each dropped or chosen file is read in the import worker, one
 * at a time, shown with what importing it would change, and committed through the workspace
 * store's one commit path. A store of its own beside the view, made once per workspace store and
 * following it: a change to the history lists again what each waiting file would change, and a
 * changed cost-centre map reads again the files that use it.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyDataset } from '../../model/dataset';
import type { FormChoices } from '../../import/forms';
import type { ImportResult } from '../../import/importFile';
import { KIND_LABELS, type Kind } from '../../model/kinds';
import { normaliseHeader, type ColumnChoices } from '../../import/kinds';
import { NATIONAL_KIND, type CellChange, type ImportRecord, type PeriodOfBlock } from '../../model/history';
import type { NationalImport } from '../../model/national';
import type { StoredMapping } from '../../storage/schema';
import { activeMapEntries } from '../../store/costCentres';
import { useWorkspaceStore } from '../../store/hooks';
import { actualChanges, buildDataset, leftOutRows } from '../../store/history';
import { heldPeriods, periodsOf, type LedgerMode } from '../../store/ledgerReupload';
import type { WorkspaceState, WorkspaceStore } from '../../store/workspace';
import { runImport as runInWorker, type RunningImport } from '../../workers/importClient';

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

export interface UploadQueueState {
  uploads: Upload[];
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
  dismissUpload(id: number): void;
  /** Stores the upload's valid rows (the caller has shown any errors and changes and the user chose). */
  commitUpload(id: number): Promise<void>;
  /** Stores a DfE file's tables as their own history entry (undoable), apart from the council's data. */
  commitNational(id: number): Promise<void>;
}

export type UploadQueue = StoreApi<UploadQueueState>;

/** Reads one file (the import worker in the browser). */
export type RunImport = typeof runInWorker;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A header as the mapping memory knows it: each cell normalised, joined. */
export function headerKey(header: string[]): string {
  return header.map(normaliseHeader).join('|');
}

/** The history record an upload would become (its id and time given when it is committed). */
function draftRecord(u: Upload): Omit<ImportRecord, 'id' | 'time'> {
  const r = u.result!;
  const kind = r.kind!;
  return {
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

export function createUploadQueue(workspace: WorkspaceStore, runImport: RunImport = runInWorker): UploadQueue {
  const running = new Map<number, RunningImport>();
  let nextUploadId = 1;
  /** The upload being committed: the history changes under it before it is marked imported. */
  let committing: number | null = null;
  const ws = () => workspace.getState();
  let pumpQueue = () => {};

  const queue = createStore<UploadQueueState>()((set, get) => {
    const patchUpload = (id: number, patch: Partial<Upload>) => set({ uploads: get().uploads.map((u) => (u.id === id ? { ...u, ...patch } : u)) });

    const reset: Partial<Upload> = { status: 'queued', result: undefined, changes: [], fraction: 0, rows: 0 };
    /** Whether the file can be read again with other choices (not while it is read, nor once imported). */
    const changeable = (id: number) => {
      const u = get().uploads.find((x) => x.id === id);
      return Boolean(u && u.status !== 'reading' && u.status !== 'imported');
    };

    pumpQueue = () => pump();
    return {
      uploads: [],
      addFiles(files) {
        const added: Upload[] = files.map((file) => ({
          id: nextUploadId++, file, name: file.name, size: file.size, status: 'queued', fraction: 0, rows: 0, changes: [],
        }));
        set({ uploads: [...get().uploads, ...added] });
        pump();
      },
      setUploadKind(id, kind) {
        if (!changeable(id)) return;
        patchUpload(id, { kindChoice: kind, columnChoices: undefined, mappingRemembered: false, ...reset });
        pump();
      },
      setUploadColumns(id, kind, choices) {
        if (!changeable(id)) return;
        patchUpload(id, { kindChoice: kind, columnChoices: choices, mappingRemembered: false, ...reset });
        pump();
      },
      setUploadSheet(id, sheet) {
        if (!changeable(id)) return;
        patchUpload(id, { sheetChoice: sheet, kindChoice: undefined, columnChoices: undefined, mappingRemembered: false, ...reset });
        pump();
      },
      setUploadForms(id, forms) {
        if (!changeable(id)) return;
        const u = get().uploads.find((x) => x.id === id)!;
        patchUpload(id, { formChoices: { ...u.formChoices, ...forms }, ...reset });
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
        patchUpload(id, refreshChanges([get().uploads.find((x) => x.id === id)!], ws())[0]!);
      },
      confirmDouble(id, confirmed) {
        patchUpload(id, { confirmedDouble: confirmed });
      },
      dismissUpload(id) {
        if (running.has(id)) get().cancelUpload(id);
        set({ uploads: get().uploads.filter((u) => u.id !== id) });
      },
      async commitUpload(id) {
        const u = get().uploads.find((x) => x.id === id);
        if (!u || u.status !== 'read' || !u.result?.kind || u.result.rowsImported === 0) return;
        if (u.importedBefore && u.result.kind === 'ledger' && u.ledgerMode === 'add' && !u.confirmedDouble) return;
        // A mapping made by hand is remembered for the next file with the same header.
        const mapping: StoredMapping | undefined =
          u.columnChoices && u.kindChoice && u.result.header ? { header: headerKey(u.result.header), kind: u.kindChoice, columns: u.columnChoices } : undefined;
        committing = id;
        let outcome;
        try {
          outcome = await ws().commit(draftRecord(u), 'replace', mapping);
        } finally {
          committing = null;
        }
        if (outcome.ok) patchUpload(id, { status: 'imported', message: undefined });
        else if (outcome.why === 'no-storage') patchUpload(id, { message: `Not imported. ${outcome.message}` });
        // Rebuilt in memory first: a file whose figures, with those held, leave the exact range is refused there.
        else if (outcome.why === 'refused') patchUpload(id, { message: `Not imported: with ${u.name}, ${outcome.message}. Nothing was stored.` });
        else patchUpload(id, { message: outcome.message });
      },
      async commitNational(id) {
        const u = get().uploads.find((x) => x.id === id);
        if (!u || u.status !== 'read' || !u.national || u.national.tables.length === 0) return;
        const rows = u.national.tables.reduce((n, t) => n + t.rows.length, 0);
        // Kept apart from the council's data: the example, if shown, stays the example.
        const outcome = await ws().commit(
          {
            file: u.name, size: u.size, sha256: u.sha256 ?? '', kind: NATIONAL_KIND, kindLabel: 'DfE national tables', rowsRead: rows, rowsImported: rows,
            rowsRejected: 0, rowsSkipped: 0, warningCount: u.national.warnings.length, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), national: u.national,
          },
          'keep',
        );
        if (outcome.ok) patchUpload(id, { status: 'imported', message: undefined });
        else if (outcome.why === 'no-storage') patchUpload(id, { message: `Not imported. ${outcome.message}` });
        else if (outcome.why === 'refused') patchUpload(id, { message: `Not imported: with ${u.name}, ${outcome.message}. Nothing was stored.` });
        else patchUpload(id, { message: outcome.message });
      },
    };

    /** Reads queued files one at a time, so a large file has the worker to itself. */
    function pump() {
      if (get().uploads.some((u) => u.status === 'reading')) return;
      const next = get().uploads.find((u) => u.status === 'queued');
      if (!next) return;
      patchUpload(next.id, { status: 'reading', fraction: 0, rows: 0, message: undefined });
      const job = runImport(next.file, next.name, next.kindChoice, (fraction, rows) => patchUpload(next.id, { fraction, rows }), next.kindChoice ? next.columnChoices : undefined, activeMapEntries(ws().imports, ws().dataset), next.sheetChoice, next.formChoices);
      running.set(next.id, job);
      const stillReading = () => get().uploads.some((x) => x.id === next.id && x.status === 'reading');
      job.promise
        .then((outcome) => {
          if (outcome === 'cancelled') return;
          if ('national' in outcome) {
            const rows = outcome.national.tables.reduce((n, t) => n + t.rows.length, 0);
            if (stillReading()) patchUpload(next.id, { status: 'read', fraction: 1, rows, national: outcome.national, sha256: outcome.sha256, size: outcome.size });
            return;
          }
          // A file with the same header as one mapped by hand before is read again with that mapping.
          const header = outcome.result.header;
          const remembered = header && !next.kindChoice ? ws().mappings.find((m) => m.header === headerKey(header)) : undefined;
          if (remembered && stillReading()) {
            patchUpload(next.id, { status: 'queued', kindChoice: remembered.kind, columnChoices: remembered.columns as ColumnChoices, mappingRemembered: true });
            return;
          }
          const [u] = refreshChanges([{ ...next, status: 'read', fraction: 1, rows: outcome.result.rowsRead, result: outcome.result, sha256: outcome.sha256, size: outcome.size }], ws());
          if (stillReading()) patchUpload(next.id, u!);
        })
        .catch((e: unknown) => patchUpload(next.id, { status: 'failed', message: `The file could not be read: ${message(e)}` }))
        .finally(() => {
          running.delete(next.id);
          pump();
        });
    }
  });

  const mapKeyOf = (s: Pick<WorkspaceState, 'imports' | 'dataset'>) => JSON.stringify(activeMapEntries(s.imports, s.dataset));
  /** The cost-centre map in force as last worked out, as a key to compare with the next. */
  let mapKey = mapKeyOf(ws());

  // Follows the workspace: each change to the history (an import, undo, hydration from another tab…).
  workspace.subscribe((now, before) => {
    if (now.imports === before.imports && now.dataset === before.dataset && now.source === before.source) return;
    const { uploads } = queue.getState();
    // A changed cost-centre map (hand mappings, a map file, a budget) reads again the files waiting that use it.
    // The map is made from the history and the budgets alone, so it is worked out again (once) only when one of them is another object.
    let requeue = false;
    if (now.imports !== before.imports || now.dataset.budgets !== before.dataset.budgets) {
      const key = mapKeyOf(now);
      requeue = key !== mapKey;
      mapKey = key;
    }
    const waiting = requeue
      ? uploads.map((u) => (u.id !== committing && u.status === 'read' && u.result?.costCentres ? { ...u, status: 'queued' as const, result: undefined, changes: [], fraction: 0, rows: 0 } : u))
      : uploads;
    const refreshed = refreshChanges(waiting, now, committing);
    if (refreshed !== uploads) queue.setState({ uploads: refreshed });
    if (requeue) pumpQueue();
  });

  return queue;
}

/** Recomputes what each waiting upload would change, against the data as it now stands. */
function refreshChanges(uploads: Upload[], ws: Pick<WorkspaceState, 'dataset' | 'imports' | 'source'>, skip: number | null = null): Upload[] {
  if (!uploads.some((u) => u.status === 'read' && u.id !== skip)) return uploads;
  const { dataset: before, imports, source } = ws;
  return uploads.map((u) => {
    if (u.id === skip || u.status !== 'read' || !u.result?.kind) return u;
    const live = imports.filter((r) => !r.undoneAt);
    // The same bytes and the same sheet (another sheet of one workbook is other figures); a record
    // kept before sheets were recorded matches on the bytes alone, so a double is never missed.
    const same = live.find((r) => r.sha256 === u.sha256 && (r.sheet === undefined || r.sheet === (u.result?.sheet ?? '')));
    const held = source === 'example' || u.result.kind !== 'ledger' ? [] : heldPeriods(before, periodsOf(u.result.data));
    const next = { ...u, heldPeriods: held, importedBefore: same?.time };
    let changes: CellChange[] = [];
    try {
      // The source is the user's here, so the example is never asked for.
      if (source !== 'example' && u.result.data.actuals.length > 0) changes = actualChanges(before, buildDataset('user', [...imports, { ...draftRecord(next), id: 0, time: '' }], emptyDataset));
    } catch (e) {
      // The import itself is checked (and refused) when it is committed; here only the preview of changes is lost.
      return { ...next, changes, message: `The changes this file would make cannot be listed: ${message(e)}` };
    }
    return { ...next, changes };
  });
}

const queues = new WeakMap<WorkspaceStore, UploadQueue>();

/** The upload queue of this workspace store, made when first asked for. */
export function uploadQueueFor(workspace: WorkspaceStore): UploadQueue {
  let q = queues.get(workspace);
  if (!q) queues.set(workspace, (q = createUploadQueue(workspace)));
  return q;
}

/** The upload queue of the app's workspace store. */
export function useUploadQueue(): UploadQueue {
  return uploadQueueFor(useWorkspaceStore());
}

/** What `selector` picks from the upload queue, kept up to date. */
export function useUploads<T>(selector: (s: UploadQueueState) => T): T {
  return useStore(useUploadQueue(), selector);
}
