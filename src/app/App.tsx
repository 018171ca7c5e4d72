import { useEffect, useRef, type ReactNode } from 'react';
import { monthLabel, monthOfPeriod } from '../domain/calendar';
import { ROLE_LABELS, useLatestPeriods, useReport, useSelectedYear, useWorkspace, type Role } from '../store/workspace';
import { ReadOnlyContext } from './readOnly';
import { ROUTES } from './routes';
import { useHashRoute } from './useHashRoute';
import { ErrorBoundary } from '../views/shared/ErrorBoundary';

/**
 * The shell. A read-only snapshot passes `readOnly` and a banner: the views that change data and
 * the role chooser are left out, and the banner says what the snapshot holds.
 */
export function App({ readOnly = false, banner }: { readOnly?: boolean; banner?: ReactNode } = {}) {
  const role = useWorkspace((s) => s.role);
  // Forum members read and print: the views that change data are left out for them, as in a snapshot.
  const routes = readOnly || role === 'forum' ? ROUTES.filter((r) => !r.editing) : ROUTES;
  const route = useHashRoute(routes[0]!.path);
  const active = routes.find((r) => r.path === route) ?? routes[0]!;
  const report = useReport();
  const setRole = useWorkspace((s) => s.setRole);
  const selectYear = useWorkspace((s) => s.selectYear);
  const source = useWorkspace((s) => s.source);
  const selectedPeriod = useWorkspace((s) => s.selectedPeriod);
  const selectPeriod = useWorkspace((s) => s.selectPeriod);
  const latestPeriods = useLatestPeriods();
  const year = useSelectedYear(report);
  const latest = year ? (latestPeriods.get(year.fy) ?? null) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const View = active.component;

  useEffect(() => {
    document.title = `${active.label}: DSG Safety Valve monitor`;
  }, [active]);

  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); heading.current?.focus(); }}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-title">
          <p className="app-name">DSG Safety Valve monitor</p>
          {banner ?? <p className="app-source">{source === 'example' ? 'Showing the example data: Torbay 2022-23' : 'Showing your data'}</p>}
        </div>
        <div className="app-controls">
          <label>
            Financial year{' '}
            <select value={year?.fy ?? ''} onChange={(e) => selectYear(Number(e.target.value))}>
              {report.years.map((y) => (
                <option key={y.fy} value={y.fy}>
                  {y.label}
                  {latestPeriods.get(y.fy) == null ? ' (no actuals)' : ` (to period ${latestPeriods.get(y.fy)})`}
                </option>
              ))}
            </select>
          </label>
          {year && latest !== null && (
            <label>
              As at{' '}
              <select
                value={selectedPeriod ?? ''}
                onChange={(e) => selectPeriod(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">the latest period ({latest})</option>
                {Array.from({ length: latest - 1 }, (_, i) => i + 1).map((p) => (
                  <option key={p} value={p}>
                    period {p} ({monthLabel(monthOfPeriod(year.fy, p))})
                  </option>
                ))}
              </select>
            </label>
          )}
          {!readOnly && (
            <label>
              I am a{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <nav aria-label="Views">
          <ul>
            {routes.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r === active ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {active.label}
        </h1>
        <ErrorBoundary key={active.path} where={active.label}>
          <View />
        </ErrorBoundary>
      </main>
    </ReadOnlyContext.Provider>
  );
}
