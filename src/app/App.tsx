import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { monthLabel, monthOfPeriod } from '../model/calendar';
import { ROLE_LABELS, type Role } from '../store/workspace';
import { useLatestPeriods, useReport, useSelectedYear, useWorkspace } from '../store/hooks';
import { ReadOnlyContext } from '../ui/readOnly';
import { ROUTES } from './routes';
import { RouteMessage, resolveRoute } from './RouteMessage';
import { useHashRoute } from './useHashRoute';
import { useMenu } from './useMenu';

const APP_NAME = 'DSG Safety Valve monitor';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { AllocationIncomeNotice } from '../views/national/AllocationIncomeNotice';

/**
 * The shell. A read-only snapshot passes `readOnly` and a banner: the views that change data and
 * the role chooser are left out, and the banner says what the snapshot holds.
 */
export function App({ readOnly = false, banner }: { readOnly?: boolean; banner?: ReactNode } = {}) {
  const role = useWorkspace((s) => s.role);
  // Forum members read and print: the views that change data are left out for them, as in a snapshot.
  const routes = readOnly || role === 'forum' ? ROUTES.filter((r) => !r.editing) : ROUTES;
  const route = useHashRoute(routes[0]!.path);
  const page = resolveRoute(route, routes, ROUTES);
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
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useMenu(menuButton);
  const [announced, setAnnounced] = useState('');
  const title = `${page.heading}: ${APP_NAME}`;

  useEffect(() => {
    document.title = title;
  }, [title]);

  // On every route change (not the first screen): close the phone menu, move focus to the new
  // view's heading and announce its title, as a page load would for a screen reader.
  const shownRoute = useRef(route);
  const closeMenu = menu.close;
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    closeMenu();
    heading.current?.focus();
    setAnnounced(document.title);
  }, [route, closeMenu]);

  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); heading.current?.focus(); }}>
        Skip to main content
      </a>
      <header className={menu.open ? 'app-header menu-open' : 'app-header'}>
        <div className="app-title">
          <p className="app-name">{APP_NAME}</p>
          {banner ?? <p className="app-source">{source === 'example' ? 'Showing the example data: Torbay 2022-23' : 'Showing your data'}</p>}
          <button type="button" className="menu-button" aria-expanded={menu.open} aria-controls="app-menu" ref={menuButton} onClick={menu.toggle}>
            Menu<span className="visually-hidden">: year, role and views</span>
          </button>
        </div>
        <div className="app-menu" id="app-menu">
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
                  <a
                    href={`#/${r.path}`}
                    aria-current={page.kind === 'view' && r === page.route ? 'page' : undefined}
                    onClick={() => {
                      // The same route again changes no address: close the menu and go to the view here.
                      if (page.kind === 'view' && r === page.route) {
                        menu.close();
                        heading.current?.focus();
                      }
                    }}
                  >
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <p className="visually-hidden" aria-live="polite" data-testid="route-announcer">
        {announced}
      </p>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {page.heading}
        </h1>
        <AllocationIncomeNotice />
        {/* The routed view: rendered here and nowhere else. Each view's code loads on first visit. */}
        {page.kind === 'view' ? (
          <Suspense fallback={<p className="loading" role="status" data-testid="view-loading">Loading {page.route.label}…</p>}>
            <ErrorBoundary key={page.route.path} where={page.route.label}>
              <page.route.component />
            </ErrorBoundary>
          </Suspense>
        ) : (
          <RouteMessage page={page} readOnly={readOnly} role={role} />
        )}
      </main>
    </ReadOnlyContext.Provider>
  );
}
