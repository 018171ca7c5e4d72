import { useReadOnly } from '../../ui/readOnly';
import { useWorkspace } from '../../store/hooks';

/** Finance officers and the DCS edit conditions, contributions and commentary; forum members and snapshots only read. */
export function useCanEdit(): boolean {
  const role = useWorkspace((s) => s.role);
  const readOnly = useReadOnly();
  return !readOnly && role !== 'forum';
}
