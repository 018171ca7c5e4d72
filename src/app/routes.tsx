/**
 * The views, one route each. Later views register here. Each view is its own chunk, loaded when
 * the route is first visited (issue 12: the first screen's script stays small, and Recharts is
 * only in the chunks that draw a chart).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface RouteDef {
  path: string;
  /** The navigation's name for the view: each starts with a different word. */
  label: string;
  component: LazyExoticComponent<ComponentType>;
  /** Views that change the data: left out of the read-only snapshot. */
  editing?: boolean;
}

/** A lazily loaded named export (React.lazy wants a default export). */
function view<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

export const ROUTES: RouteDef[] = [
  { path: 'overview', label: 'Overview', component: view(() => import('../views/overview/Overview'), 'Overview') },
  { path: 'trajectory', label: 'Trajectory', component: view(() => import('../views/trajectory/Trajectory'), 'Trajectory') },
  { path: 'variance', label: 'Variance by block and month', component: view(() => import('../views/variance/Variance'), 'Variance') },
  { path: 'lines', label: 'Budget lines', component: view(() => import('../views/lines/BudgetLines'), 'BudgetLines') },
  { path: 'ehcp', label: 'EHCP and demand', component: view(() => import('../views/ehcp/Ehcp'), 'Ehcp') },
  { path: 'agreement', label: 'Agreement', component: view(() => import('../views/agreement/Agreement'), 'Agreement') },
  { path: 'scenarios', label: 'Forecasts and scenarios', component: view(() => import('../views/scenarios/Scenarios'), 'Scenarios') },
  { path: 'conditions', label: 'Conditions tracker', component: view(() => import('../views/conditions/Conditions'), 'Conditions') },
  { path: 'national', label: 'National context', component: view(() => import('../views/national/NationalContextView'), 'NationalContextView') },
  { path: 'report', label: 'Forum report', component: view(() => import('../views/report/ForumReport'), 'ForumReport') },
  { path: 'return', label: 'DfE return', component: view(() => import('../views/return/ReturnPackView'), 'ReturnPackView') },
  { path: 'import', label: 'Import files', component: view(() => import('../views/import/ImportView'), 'ImportView'), editing: true },
  { path: 'settings', label: 'Settings', component: view(() => import('../views/settings/SettingsView'), 'SettingsView'), editing: true },
  { path: 'contributions', label: 'Contributions and revisions', component: view(() => import('../views/contributions/Contributions'), 'Contributions'), editing: true },
];
