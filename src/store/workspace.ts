/**
 * The one store: the workspace (data, settings, the chosen year and the viewer's role).
 * Components read it through hooks and change it only through its actions.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { DEFAULT_SETTINGS, currentYear, type Settings } from '../domain/calculate';
import { asAtPeriod, type Dataset } from '../domain/dataset';
import { buildReport, type Report } from '../domain/report';
import { loadExample } from './example';

export type Role = 'finance' | 'forum' | 'dcs';

export const ROLE_LABELS: Record<Role, string> = {
  finance: 'Finance officer',
  forum: 'Schools forum member',
  dcs: "Director of Children's Services",
};

export interface WorkspaceState {
  dataset: Dataset;
  settings: Settings;
  /** The financial year being viewed; null follows the latest year with actuals. */
  selectedFy: number | null;
  /** View the chosen year as at this period; null is the latest period held. */
  selectedPeriod: number | null;
  role: Role;
  /** Where the data came from: the embedded example or the user's own uploads. */
  source: 'example' | 'user';
  setRole(role: Role): void;
  selectYear(fy: number | null): void;
  selectPeriod(period: number | null): void;
  setSettings(settings: Settings): void;
  replaceDataset(dataset: Dataset, source: 'example' | 'user'): void;
}

const ROLE_KEY = 'dsg-monitor.role';

function savedRole(): Role {
  try {
    const r = globalThis.localStorage?.getItem(ROLE_KEY);
    return r === 'finance' || r === 'forum' || r === 'dcs' ? r : 'finance';
  } catch {
    return 'finance';
  }
}

export const useWorkspace = create<WorkspaceState>()((set) => ({
  dataset: loadExample(),
  settings: DEFAULT_SETTINGS,
  selectedFy: null,
  selectedPeriod: null,
  role: savedRole(),
  source: 'example',
  setRole(role) {
    try {
      globalThis.localStorage?.setItem(ROLE_KEY, role);
    } catch {
      // Private browsing can refuse storage; the choice still holds for this visit.
    }
    set({ role });
  },
  selectYear(fy) {
    set({ selectedFy: fy, selectedPeriod: null });
  },
  selectPeriod(period) {
    set({ selectedPeriod: period });
  },
  setSettings(settings) {
    set({ settings });
  },
  replaceDataset(dataset, source) {
    set({ dataset, source, selectedFy: null, selectedPeriod: null });
  },
}));

/** The report for the workspace, recomputed only when its data, settings or as-at period change. */
export function useReport(): Report {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  const fy = useWorkspace((s) => s.selectedFy);
  const period = useWorkspace((s) => s.selectedPeriod);
  return useMemo(
    () => buildReport(fy !== null && period !== null ? asAtPeriod(dataset, fy, period) : dataset, settings),
    [dataset, settings, fy, period],
  );
}

/** The latest period held for each year, whatever period is being viewed (for the period chooser). */
export function useLatestPeriods(): Map<number, number | null> {
  const dataset = useWorkspace((s) => s.dataset);
  const settings = useWorkspace((s) => s.settings);
  return useMemo(() => new Map(buildReport(dataset, settings).years.map((y) => [y.fy, y.latestPeriod])), [dataset, settings]);
}

/** The year being viewed: the chosen one, else the latest with actuals. */
export function useSelectedYear(report: Report) {
  const selectedFy = useWorkspace((s) => s.selectedFy);
  return report.years.find((y) => y.fy === selectedFy) ?? currentYear(report);
}
