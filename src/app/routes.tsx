/** The views, one route each. Later views register here. */
import type { ComponentType } from 'react';
import { Overview } from '../views/overview/Overview';

export interface RouteDef {
  path: string;
  label: string;
  component: ComponentType;
}

export const ROUTES: RouteDef[] = [{ path: 'overview', label: 'Overview', component: Overview }];
