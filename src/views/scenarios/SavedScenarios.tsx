/** Saved scenarios: save, edit and delete them (not forum members or snapshots), and compare any two. */
import { useId, useMemo, useState } from 'react';
import { ChartFigure } from '../../charts/ChartFigure';
import type { SavedScenario } from '../../model/dataset';
import type { Scenario } from '../../model/scenario';
import { formatDateTime } from '../../domain/format';
import { answers, type ProjectionBase } from '../../domain/projection';
import { useWorkspace } from '../../store/hooks';
import { useReadOnly } from '../../ui/readOnly';
import { ScrollBox } from '../../ui/TableWrap';
import { ForecastChart } from './ScenarioCharts';
import { CURRENT, compareTitle, comparedPair, money, safeProject, withSaved } from './scenarioForm';
import { forecastRows, type Series } from './shape';

export function SavedScenarios({ base, saved, current, onLoad }: { base: ProjectionBase; saved: SavedScenario[]; current: Scenario; onLoad: (s: Scenario) => void }) {
  const id = useId();
  // Forum members and snapshots explore scenarios but do not save or delete them (they change the data).
  const role = useWorkspace((st) => st.role);
  const readOnly = useReadOnly() || role === 'forum';
  const saveEdit = useWorkspace((s) => s.saveEdit);
  const [name, setName] = useState('');
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  // Until the reader picks, compare two different scenarios where two exist (the first saved one
  // against the next, or against the one being edited), also when the first is saved here.
  const [pickedA, setA] = useState<string | null>(null);
  const [pickedB, setB] = useState<string | null>(null);
  const { a, b } = comparedPair(saved, pickedA, pickedB);
  const persist = async (list: SavedScenario[], label: string, done: string) => {
    const error = await saveEdit('manual-scenarios', label, { scenarios: list }, list.length);
    setMsg(error ? { error: true, text: error } : { error: false, text: done });
    return !error;
  };
  const save = async () => {
    const n = name.trim();
    if (n === '') return setMsg({ error: true, text: 'Enter a name for the scenario.' });
    const { list, label, done } = withSaved(saved, n, new Date().toISOString(), current);
    if (await persist(list, label, done)) setName('');
  };
  const pick = (n: string): { name: string; scenario: Scenario } =>
    n === CURRENT ? { name: 'The scenario being edited', scenario: current } : (saved.find((s) => s.name === n) ?? { name: 'The scenario being edited', scenario: current });
  const left = pick(a);
  const right = pick(b);
  const [ln, ls, rn, rs] = [left.name, left.scenario, right.name, right.scenario];
  const compared = useMemo(
    () => [
      { name: ln, years: safeProject(base, ls) },
      { name: rn, years: safeProject(base, rs) },
    ],
    [base, ln, ls, rn, rs],
  );
  const compareSeries: Series[] = compared.map((c, i) => ({ name: `${String.fromCharCode(65 + i)}: ${c.name}`, years: c.years }));
  const cmpTitle = compareTitle(compared);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Saved scenarios</h2>
      {!readOnly && (
        <form
          className="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-name`}>Name for this scenario</label>{' '}
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} data-testid="scenario-name" aria-invalid={msg?.error && name.trim() === '' ? true : undefined} />{' '}
          <button type="submit">Save the scenario</button>
        </form>
      )}
      <p className={msg?.error ? 'error-message' : 'notice'} role="status" data-testid="save-message">
        {msg?.text ?? ''}
      </p>
      {saved.length === 0 ? (
        <p>No scenarios are saved yet. Saved scenarios are kept in this browser and go into the workspace file.</p>
      ) : (
        <ScrollBox label="Saved scenarios">
          <table data-testid="saved-table">
            <caption>Saved scenarios with the final year's forecast cumulative deficit.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Saved</th>
                <th scope="col" className="num">Final cumulative deficit</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {saved.map((s) => {
                const last = safeProject(base, s.scenario).at(-1);
                return (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td className="nowrap">{formatDateTime(s.savedAt)}</td>
                    <td className="num">{last ? `${money(last.cumulativeDeficitGross)} (${last.label})` : '–'}</td>
                    <td className="nowrap">
                      <button type="button" onClick={() => onLoad(s.scenario)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </button>{' '}
                      {!readOnly && (
                        <button
                          type="button"
                          aria-label={`Delete ${s.name}`}
                          onClick={() => void persist(saved.filter((x) => x.name !== s.name), `scenario "${s.name}" deleted`, `Deleted: "${s.name}". Undo it in the import history.`)}
                        >
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <h3>Compare two scenarios</h3>
      <div className="compare-pickers">
        {(
          [
            ['A', a, setA],
            ['B', b, setB],
          ] as const
        ).map(([letter, value, set]) => (
          <label key={letter}>
            Scenario {letter}{' '}
            <select value={value} onChange={(e) => set(e.target.value)} data-testid={`compare-${letter}`}>
              <option value={CURRENT}>The scenario being edited</option>
              {saved.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <ChartFigure testId="compare-chart" title={cmpTitle} table={<CompareTable series={compareSeries} />}>
        <ForecastChart rows={forecastRows(compareSeries)} names={compareSeries.map((s) => s.name)} title={cmpTitle} />
      </ChartFigure>
      <div className="compare-answers" data-testid="compare-answers">
        {compareSeries.map((s) => (
          <div key={s.name}>
            <h4>{s.name}</h4>
            <ul>
              {answers(s.years, base).map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function CompareTable({ series }: { series: Series[] }) {
  const rows = forecastRows(series);
  return (
    <table data-testid="compare-table">
      <caption>Gross cumulative deficit by year for the two scenarios, against the agreed profile.</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col" className="num">Agreed profile</th>
          {series.map((s) => (
            <th scope="col" className="num" key={s.name}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.fy}>
            <th scope="row">{r.label}</th>
            <td className="num">{money(r.profile)}</td>
            {r.values.map((v, i) => (
              <td className="num" key={i}>
                {money(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
