/**
 * Download buttons for a table (CSV) and a chart (SVG, PNG). They sit in TableWrap and ChartFigure
 * so every table and chart has them; they are left out of print and of the read-only snapshot
 * (which makes no files). Each button's name starts with its visible text and says which table or
 * chart it downloads, for screen-reader users.
 */
import { useState, type RefObject } from 'react';
import { useReadOnly } from './readOnly';
import { chartSvg, svgToPng } from '../export/chartImage';
import { downloadBlob, downloadText } from '../export/download';
import { fileSlug, tableCsv } from '../export/tableCsv';
import { fileNameFor } from '../domain/settings';
import { useWorkspaceStore } from '../store/hooks';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function TableCsvButton({ target, label }: { target: RefObject<HTMLElement | null>; label: string }) {
  const readOnly = useReadOnly();
  const [error, setError] = useState<string | null>(null);
  const store = useWorkspaceStore();
  if (readOnly) return null;
  const download = () => {
    const table = target.current?.querySelector('table');
    if (!table) return setError(`${label}: there is no table to download.`);
    setError(null);
    downloadText(fileNameFor(store.getState().settings, `${fileSlug(label)}.csv`), tableCsv(table), 'text/csv;charset=utf-8');
  };
  return (
    <div className="export-buttons no-print">
      <button type="button" className="export-button" onClick={download} aria-label={`Download as CSV: ${label}`}>
        Download as CSV
      </button>
      {error && <p role="alert" className="error-message">{error}</p>}
    </div>
  );
}

export function ChartImageButtons({ target, title, name }: { target: RefObject<HTMLElement | null>; title: string; name: string }) {
  const readOnly = useReadOnly();
  const [error, setError] = useState<string | null>(null);
  const store = useWorkspaceStore();
  if (readOnly) return null;
  const svg = () => {
    if (!target.current) throw new Error('there is no chart to export');
    return chartSvg(target.current, title);
  };
  const run = (f: () => Promise<void> | void) => async () => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(`The chart "${title}" could not be downloaded: ${message(e)}.`);
    }
  };
  return (
    <div className="export-buttons no-print">
      <button type="button" className="export-button" onClick={run(() => downloadText(fileNameFor(store.getState().settings, `${name}.svg`), svg(), 'image/svg+xml'))} aria-label={`Download chart as SVG: ${title}`}>
        Download chart as SVG
      </button>
      <button type="button" className="export-button" onClick={run(async () => downloadBlob(fileNameFor(store.getState().settings, `${name}.png`), await svgToPng(svg())))} aria-label={`Download chart as PNG: ${title}`}>
        Download chart as PNG
      </button>
      {error && <p role="alert" className="error-message">{error}</p>}
    </div>
  );
}
