/**
 * The trajectory chart for the first screen (the overview): its code, and Recharts with it, is
 * asked for only once the overview has been painted, so the figures show first and the first
 * screen's script stays small (issue 12); a line holds the chart's place meanwhile. Views loaded
 * later import TrajectoryChart directly: their chunk already waits for Recharts.
 */
import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import type { TrajectoryChart as Chart } from './TrajectoryChart';

const Lazy = lazy(() => import('./TrajectoryChart').then((m) => ({ default: m.TrajectoryChart })));

export function LazyTrajectoryChart(props: ComponentProps<typeof Chart>) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // After the next frame is drawn: the overview is on screen before the chart's code is fetched.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  const placeholder = (
    <p className="chart-loading" role="status">
      Drawing the chart…
    </p>
  );
  if (!painted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <Lazy {...props} />
    </Suspense>
  );
}
