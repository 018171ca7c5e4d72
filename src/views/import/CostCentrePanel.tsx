/**
 * The cost-centre map on the Import screen: the codes a file gave that the map does not know,
 * each with its rows and total, for the user to map to a block and line or exclude; and the
 * mappings made by hand, editable, undoable (each save is an entry in the import history) and
 * downloadable as a cost centre map CSV.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { BLOCKS, type Block } from '../../model/blocks';
import { toCsv } from '../../domain/csv';
import { formatPounds } from '../../domain/format';
import { downloadText } from '../../export/download';
import { MAP_CSV_HEADER, SOURCE_LABELS, checkCode, describeCode, segmentsOf, entryKey, mapCsvRows, type CodeTally, type CostCentreSummary } from '../../import/costCentreMap';
import type { MapEntry } from '../../model/costCentreMap';
import { activeMapEntries, editedHandEntries, handEntries } from '../../store/costCentres';
import { useWorkspace } from '../../store/hooks';
import { ScrollBox } from '../../ui/TableWrap';
import { plural } from './report';

interface Choice {
  block: Block | '';
  line: string;
  exclude: boolean;
}

const EMPTY: Choice = { block: '', line: '', exclude: false };

function choiceOf(e: MapEntry | undefined): Choice {
  if (!e) return EMPTY;
  return e.treatment === 'exclude' ? { block: '', line: '', exclude: true } : { block: e.block ?? '', line: e.line ?? '', exclude: false };
}

/** The entry a choice makes, null when nothing is chosen, or the reason it cannot be saved. */
function entryOf(code: string, c: Choice, previous?: MapEntry): MapEntry | null | string {
  if (c.exclude) return { code, ...(previous?.account ? { account: previous.account } : {}), treatment: 'exclude', source: 'hand' };
  const line = c.line.trim().replace(/\s+/g, ' ');
  if (c.block === '' && line === '') return null;
  if (c.block === '' || line === '') return `${code}: choose both a block and a budget line, or exclude it`;
  const treatment = previous?.treatment === 'income' ? 'income' : 'spend';
  return { code, ...(previous?.account ? { account: previous.account } : {}), treatment, block: c.block, line, source: 'hand' };
}

/** The budget's line names by block, for the line chooser. */
function useBudgetLines(): Map<Block | '', string[]> {
  const budgets = useWorkspace((s) => s.dataset.budgets);
  return useMemo(() => {
    const by = new Map<Block | '', Set<string>>();
    for (const b of budgets) {
      for (const k of [b.block, ''] as const) {
        let s = by.get(k);
        if (!s) by.set(k, (s = new Set()));
        s.add(b.line);
      }
    }
    return new Map([...by.entries()].map(([k, s]) => [k, [...s].sort((a, b) => a.localeCompare(b))]));
  }, [budgets]);
}

/** Block, budget line (one of the budget's, or a new one typed) and exclude, for one code. */
function TargetCells({ id, code, choice, onChange, lines }: { id: string; code: string; choice: Choice; onChange: (c: Choice) => void; lines: Map<Block | '', string[]> }) {
  const listId = `${id}-lines`;
  return (
    <>
      <td>
        <select aria-label={`Block for ${code}`} value={choice.block} disabled={choice.exclude} onChange={(e) => onChange({ ...choice, block: e.target.value as Block | '' })}>
          <option value="">Choose a block</option>
          {BLOCKS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Budget line for ${code}`}
          list={listId}
          value={choice.line}
          disabled={choice.exclude}
          placeholder="Choose or type a line"
          onChange={(e) => onChange({ ...choice, line: e.target.value })}
        />
        <datalist id={listId}>
          {(lines.get(choice.block) ?? []).map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </td>
      <td>
        <label>
          <input type="checkbox" checked={choice.exclude} onChange={(e) => onChange({ ...choice, exclude: e.target.checked })} /> Exclude
          <span className="visually-hidden"> {code}</span>
        </label>
      </td>
    </>
  );
}

/** One code's row of a mapping table: the code (and what the caller notes beside it), the caller's cells, then its block, line and exclude; data-code is the code unless the caller keys it otherwise. */
function MappingRow(props: { id: string; code: string; dataCode?: string; note?: ReactNode; choice: Choice; lines: Map<Block | '', string[]>; onChange: (c: Choice) => void; before?: ReactNode; after?: ReactNode }) {
  return (
    <tr data-code={props.dataCode ?? props.code}>
      <th scope="row">
        <code>{props.code}</code>
        {props.note}
      </th>
      {props.before}
      <TargetCells id={props.id} code={props.code} choice={props.choice} lines={props.lines} onChange={props.onChange} />
      {props.after}
    </tr>
  );
}

/** A table of codes to map, a row each: Code, the caller's columns before and after Block, Budget line and Or. */
function MappingTable(props: { label: string; testId: string; before?: string[]; after?: string[]; children: ReactNode }) {
  return (
    <ScrollBox label={props.label}>
      <table data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {props.before?.map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
            <th scope="col">Block</th>
            <th scope="col">Budget line</th>
            <th scope="col">Or</th>
            {props.after?.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollBox>
  );
}

/** Why the last save could not be made, announced. */
function SaveError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="error-message" role="alert">
      {error}
    </p>
  );
}

function money(t: CodeTally) {
  return formatPounds(t.total, { pence: true });
}

/** The unmapped codes of one file, for the user to map or exclude. */
export function UnmappedCostCentres({ uploadId, summary }: { uploadId: number; summary: CostCentreSummary }) {
  const imports = useWorkspace((s) => s.imports);
  const saveHandMap = useWorkspace((s) => s.saveHandMap);
  const lines = useBudgetLines();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  /** For an account string, the part to map: the whole string (the default) or one of its segments. */
  const [parts, setParts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (summary.unmapped.length === 0) return null;

  const save = async () => {
    const changes: { code: string; entry: MapEntry }[] = [];
    for (const t of summary.unmapped) {
      const code = parts[t.code] ?? t.code;
      const e = entryOf(code, choices[t.code] ?? EMPTY);
      if (typeof e === 'string') return setError(e);
      if (e && checkCode(e.code).ok) changes.push({ code: e.code, entry: e });
    }
    if (changes.length === 0) return setError('Choose a block and line, or exclude, for at least one cost centre.');
    setBusy(true);
    setError(await saveHandMap(editedHandEntries(handEntries(imports), changes)));
    setBusy(false);
  };

  return (
    <section className="cc-unmapped" aria-labelledby={`cc-unmapped-${uploadId}`} data-testid="unmapped-cost-centres">
      <h4 id={`cc-unmapped-${uploadId}`}>Unmapped cost centres ({summary.unmapped.length})</h4>
      <p>
        {plural(summary.unmappedRows, 'row')} totalling {formatPounds(summary.unmappedTotal, { pence: true })} have a cost centre or account that the
        cost-centre map does not know, so they are errors and are left out unless you map them. Map each code to a block and one of the budget&apos;s
        lines (or type a new line), or exclude it (balance sheet, recharges, DSG grant income already in the funding file). Your choices are kept,
        and the file is read again with them.
      </p>
      <MappingTable label={`Unmapped cost centres in file ${uploadId}`} testId="unmapped-table" before={['Rows', 'Total']}>
        {summary.unmapped.map((t, i) => (
          <MappingRow
            key={t.code}
            id={`cc-${uploadId}-${i}`}
            code={t.code}
            note={
              segmentsOf(t.code).length > 1 && (
                <label className="cc-part">
                  {' '}
                  Map
                  <select aria-label={`Part of ${t.code} to map`} value={parts[t.code] ?? t.code} onChange={(e) => setParts({ ...parts, [t.code]: e.target.value })}>
                    <option value={t.code}>the whole string</option>
                    {[...new Set(segmentsOf(t.code))].map((s) => (
                      <option key={s} value={s}>
                        segment {s} (wherever it appears)
                      </option>
                    ))}
                  </select>
                </label>
              )
            }
            before={
              <>
                <td className="num" title={`rows ${t.rows.join(', ')}${t.rowCount > t.rows.length ? ' …' : ''}`}>
                  {t.rowCount.toLocaleString('en-GB')}
                  <span className="detail"> (row{t.rows.length === 1 ? '' : 's'} {t.rows.slice(0, 5).join(', ')}{t.rowCount > 5 ? ' …' : ''})</span>
                </td>
                <td className="num" data-testid="unmapped-total">
                  {money(t)}
                </td>
              </>
            }
            choice={choices[t.code] ?? EMPTY}
            lines={lines}
            onChange={(c) => setChoices({ ...choices, [t.code]: c })}
          />
        ))}
      </MappingTable>
      <SaveError error={error} />
      <button type="button" disabled={busy} onClick={save}>
        Save these mappings and read the file again
      </button>
    </section>
  );
}

/** What the map did to a file, in one line: rows mapped, excluded and income, with totals. */
export function CostCentreSummaryLine({ summary }: { summary: CostCentreSummary }) {
  if (summary.mappedRows === 0 && summary.excludedRows === 0 && summary.unmappedRows === 0) return null;
  return (
    <p data-testid="cost-centre-summary">
      Cost-centre map: {plural(summary.mappedRows, 'row')} given a block and line from it
      {summary.excludedRows > 0 && <>; {plural(summary.excludedRows, 'row')} excluded, totalling {formatPounds(summary.excludedTotal, { pence: true })}</>}
      {summary.incomeRows > 0 && <>; {plural(summary.incomeRows, 'row')} of income, totalling {formatPounds(summary.incomeTotal, { pence: true })}</>}
      {summary.unmappedRows > 0 && <>; {plural(summary.unmappedRows, 'row')} unmapped, totalling {formatPounds(summary.unmappedTotal, { pence: true })}</>}.
    </p>
  );
}

/** The mappings made by hand: change or remove them; download the map in force as CSV. */
export function HandMappings() {
  const imports = useWorkspace((s) => s.imports);
  const dataset = useWorkspace((s) => s.dataset);
  const saveHandMap = useWorkspace((s) => s.saveHandMap);
  const lines = useBudgetLines();
  const hand = useMemo(() => handEntries(imports), [imports]);
  const active = useMemo(() => activeMapEntries(imports, dataset), [imports, dataset]);
  const [edits, setEdits] = useState<Record<string, Choice & { remove?: boolean }>>({});
  const [error, setError] = useState<string | null>(null);
  if (active.length === 0) return null;
  const bySource = (s: MapEntry['source']) => active.filter((e) => e.source === s).length;

  const save = async () => {
    const changes: { code: string; account?: string; entry: MapEntry | null }[] = [];
    for (const e of hand) {
      const c = edits[entryKey(e)];
      if (!c) continue;
      const next = c.remove ? null : entryOf(e.code, c, e);
      if (typeof next === 'string') return setError(next);
      changes.push({ code: e.code, ...(e.account ? { account: e.account } : {}), entry: next });
    }
    const err = await saveHandMap(editedHandEntries(hand, changes));
    setError(err);
    if (!err) setEdits({});
  };
  const download = () => downloadText('cost-centre-map.csv', toCsv([[...MAP_CSV_HEADER], ...mapCsvRows(active)]), 'text/csv');

  return (
    <section aria-labelledby="cc-map-heading" data-testid="hand-mappings">
      <h2 id="cc-map-heading">Cost-centre map</h2>
      <p>
        Rows that give a cost centre or account string but no block or line take them from this map: {plural(bySource('hand'), 'code')}{' '}
        {SOURCE_LABELS.hand}, {plural(bySource('file'), 'code')} from a {SOURCE_LABELS.file} and {plural(bySource('budget'), 'code')} from the{' '}
        {SOURCE_LABELS.budget}. Where they disagree, a mapping by hand wins over a map file, and a map file over the budget. Changes apply to files read
        from now on: upload a ledger already imported again (replacing its periods) for them to change its figures. Each save is in the import
        history, where it can be undone.
      </p>
      {hand.length > 0 && (
        <MappingTable label="Cost centres mapped by hand" testId="hand-mappings-table" after={['Remove']}>
          {hand.map((e, i) => {
            const key = entryKey(e);
            const c = edits[key] ?? choiceOf(e);
            return (
              <MappingRow
                key={key}
                id={`cc-hand-${i}`}
                code={describeCode(e)}
                dataCode={key}
                note={e.treatment === 'income' && <span className="detail"> (income)</span>}
                choice={c}
                lines={lines}
                onChange={(n) => setEdits({ ...edits, [key]: { ...c, ...n } })}
                after={
                  <td>
                    <label>
                      <input type="checkbox" checked={!!edits[key]?.remove} onChange={(ev) => setEdits({ ...edits, [key]: { ...c, remove: ev.target.checked } })} /> Remove
                      <span className="visually-hidden"> {describeCode(e)}</span>
                    </label>
                  </td>
                }
              />
            );
          })}
        </MappingTable>
      )}
      <SaveError error={error} />
      {hand.length > 0 && (
        <button type="button" disabled={Object.keys(edits).length === 0} onClick={save}>
          Save changes to the mappings
        </button>
      )}{' '}
      <button type="button" onClick={download}>
        Download the cost centre map (CSV)
      </button>
    </section>
  );
}
