/** The national context for the workspace: the DfE tables held (not undone) and the settings' authority. */
import { useMemo } from 'react';
import { buildNational, type NationalView } from '../../national/context';
import type { NationalImport } from '../../model/national';
import { NATIONAL_KIND } from '../../model/history';
import { useWorkspace } from '../../store/hooks';

export function useNational(): NationalView & { held: boolean } {
  const imports = useWorkspace((s) => s.imports);
  const settings = useWorkspace((s) => s.settings);
  const dataset = useWorkspace((s) => s.dataset);
  const live = useMemo(() => imports.filter((r) => r.kind === NATIONAL_KIND && !r.undoneAt && r.national).map((r) => r.national as NationalImport), [imports]);
  return useMemo(
    () => ({ ...buildNational(live, settings.laCode, settings.comparators, dataset, settings.allocationYears), held: live.length > 0 }),
    [live, settings.laCode, settings.comparators, settings.allocationYears, dataset],
  );
}
