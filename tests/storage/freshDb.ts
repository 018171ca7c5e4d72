/** Database names for one test file, each new, deleted again after every test (fake-indexeddb). */
import { afterEach } from 'vitest';

export function freshDbNames(prefix: string): () => string {
  let n = 0;
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) {
      await new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = resolve;
      });
    }
  });
  return () => {
    const name = `${prefix}-${n++}`;
    names.push(name);
    return name;
  };
}
