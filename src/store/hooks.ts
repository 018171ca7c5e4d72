/**
 * How components read the workspace store: the store is given by `WorkspaceContext` (main.tsx,
 * the snapshot), read through selectors so a component renders again only when what it selects
 * changes.
 */
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { currentYear } from '../domain/calculate';
import type { Report } from '../domain/report';
import { asAtReport, fullReport } from './reports';
import type { WorkspaceState, WorkspaceStore } from './workspace';

export const WorkspaceContext = createContext<WorkspaceStore | null>(null);

/** The store itself, for actions run from event handlers (`getState()` there reads it as it is then). */
export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error('No workspace store: the app is rendered outside its WorkspaceContext.');
  return store;
}

/** What `selector` picks from the workspace, kept up to date. */
export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(useWorkspaceStore(), selector);
}

/** The report for the workspace, recomputed only when its data, settings or as-at period change. */
export function useReport(): Report {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  const fy = useWorkspace((s) => s.selectedFy);
  const period = useWorkspace((s) => s.selectedPeriod);
  return useMemo(() => {
    const full = fullReport(dataset, settings);
    if (period === null) return full;
    // "As at" applies to the year in view: the chosen one, else the latest with actuals.
    const viewed = fy ?? currentYear(full)?.fy;
    return viewed === undefined ? full : asAtReport(dataset, settings, viewed, period);
  }, [dataset, settings, fy, period]);
}

/** The latest period held for each year, whatever period is being viewed (for the period chooser). */
export function useLatestPeriods(): Map<number, number | null> {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  return useMemo(() => new Map(fullReport(dataset, settings).years.map((y) => [y.fy, y.latestPeriod])), [dataset, settings]);
}

/** The year being viewed: the chosen one, else the latest with actuals. */
export function useSelectedYear(report: Report) {
  const selectedFy = useWorkspace((s) => s.selectedFy);
  return report.years.find((y) => y.fy === selectedFy) ?? currentYear(report);
}
