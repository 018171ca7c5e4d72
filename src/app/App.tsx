import { useEffect, useRef } from 'react';
import { ROLE_LABELS, useReport, useSelectedYear, useWorkspace, type Role } from '../store/workspace';
import { ROUTES } from './routes';
import { useHashRoute } from './useHashRoute';

export function App() {
  const route = useHashRoute(ROUTES[0]!.path);
  const active = ROUTES.find((r) => r.path === route) ?? ROUTES[0]!;
  const report = useReport();
  const role = useWorkspace((s) => s.role);
  const setRole = useWorkspace((s) => s.setRole);
  const selectYear = useWorkspace((s) => s.selectYear);
  const source = useWorkspace((s) => s.source);
  const year = useSelectedYear(report);
  const heading = useRef<HTMLHeadingElement>(null);
  const View = active.component;

  useEffect(() => {
    document.title = `${active.label}: DSG Safety Valve monitor`;
  }, [active]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); heading.current?.focus(); }}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-title">
          <p className="app-name">DSG Safety Valve monitor</p>
          <p className="app-source">{source === 'example' ? 'Showing the example data: Torbay 2022-23' : 'Showing your data'}</p>
        </div>
        <div className="app-controls">
          <label>
            Financial year{' '}
            <select value={year?.fy ?? ''} onChange={(e) => selectYear(Number(e.target.value))}>
              {report.years.map((y) => (
                <option key={y.fy} value={y.fy}>
                  {y.label}
                  {y.latestPeriod === null ? ' (no actuals)' : ` (to period ${y.latestPeriod})`}
                </option>
              ))}
            </select>
          </label>
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
        </div>
        <nav aria-label="Views">
          <ul>
            {ROUTES.map((r) => (
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
        <View />
      </main>
    </>
  );
}
