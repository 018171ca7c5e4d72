/** The views, one route each. Later views register here. */
import type { ComponentType } from 'react';
import { ImportView } from '../views/import/ImportView';
import { Overview } from '../views/overview/Overview';
import { Agreement } from '../views/agreement/Agreement';
import { Ehcp } from '../views/ehcp/Ehcp';
import { BudgetLines } from '../views/lines/BudgetLines';
import { Trajectory } from '../views/trajectory/Trajectory';
import { Variance } from '../views/variance/Variance';
import { SettingsView } from '../views/settings/SettingsView';
import { ForumReport } from '../views/report/ForumReport';
import { Conditions } from '../views/conditions/Conditions';
import { Contributions } from '../views/contributions/Contributions';
import { ReturnPackView } from '../views/return/ReturnPackView';
import { Scenarios } from '../views/scenarios/Scenarios';
import { NationalContextView } from '../views/national/NationalContextView';

export interface RouteDef {
  path: string;
  label: string;
  component: ComponentType;
  /** Views that change the data: left out of the read-only snapshot. */
  editing?: boolean;
}

export const ROUTES: RouteDef[] = [
  { path: 'overview', label: 'Overview', component: Overview },
  { path: 'trajectory', label: 'Trajectory', component: Trajectory },
  { path: 'variance', label: 'Variance by block and month', component: Variance },
  { path: 'lines', label: 'Budget lines', component: BudgetLines },
  { path: 'ehcp', label: 'EHCP and demand', component: Ehcp },
  { path: 'agreement', label: 'Agreement', component: Agreement },
  { path: 'scenarios', label: 'Forecasts and scenarios', component: Scenarios },
  { path: 'conditions', label: 'Agreement conditions', component: Conditions },
  { path: 'national', label: 'National context', component: NationalContextView },
  { path: 'report', label: 'Forum report', component: ForumReport },
  { path: 'return', label: 'DfE return', component: ReturnPackView },
  { path: 'import', label: 'Import files', component: ImportView, editing: true },
  { path: 'settings', label: 'Agreement and settings', component: SettingsView, editing: true },
  { path: 'contributions', label: 'Contributions and revisions', component: Contributions, editing: true },
];
