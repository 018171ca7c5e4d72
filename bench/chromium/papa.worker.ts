/** Bare Papa Parse in a worker, for comparison: decode the bytes, then parse in step mode (a no-op per row) or whole. */
import Papa from 'papaparse';

interface Scope {
  onmessage: ((e: MessageEvent<{ file: Blob; mode: 'step' | 'whole' }>) => void) | null;
  postMessage(m: unknown): void;
}
const scope = self as unknown as Scope;
scope.onmessage = async (e) => {
  const t0 = performance.now();
  const text = new TextDecoder().decode(await e.data.file.arrayBuffer());
  let rows = 0;
  if (e.data.mode === 'step') {
    Papa.parse<string[]>(text, { step: () => void rows++ });
  } else {
    rows = Papa.parse<string[]>(text, {}).data.length;
  }
  scope.postMessage({ ms: performance.now() - t0, rows });
};
