/**
 * The trajectory chart for the first screen (the overview): its code, and Recharts with it, load
 * after the overview's figures are shown, so the first screen's script stays small (issue 12).
 * Views loaded later import TrajectoryChart directly: their chunk already waits for Recharts.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { TrajectoryChart as Chart } from './TrajectoryChart';

const Lazy = lazy(() => import('./TrajectoryChart').then((m) => ({ default: m.TrajectoryChart })));

export function LazyTrajectoryChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<p className="chart-loading" role="status">Drawing the chart…</p>}>
      <Lazy {...props} />
    </Suspense>
  );
}
