/** Shaping an import's report for the screen and for its CSV download. Pure. */
import { toCsv } from '../../domain/csv';
import type { ImportResult } from '../../import/importFile';

export function problemsCsv(result: ImportResult): string {
  const rows: (string | number | undefined)[][] = [['severity', 'file', 'row', 'column', 'value', 'problem', 'accepted']];
  for (const p of [...result.errors, ...result.warnings]) {
    rows.push([p.severity, p.file, p.row, p.column, p.value, p.message, p.accepted]);
  }
  for (const s of result.skipped) rows.push(['skipped', result.file, s.row, undefined, undefined, s.reason, undefined]);
  return toCsv(rows);
}

/** "1.2 MB", "830 KB", "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
