/**
 * The name a user signs commentary with: asked for once and remembered in this browser, as the
 * role is (nothing leaves the browser; it goes into the data only with the comments written).
 */
import { useState } from 'react';

const NAME_KEY = 'dsg-monitor.name';

function savedName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function useCommenterName(): [string, (name: string) => void] {
  const [name, setName] = useState(savedName);
  const remember = (n: string) => {
    try {
      globalThis.localStorage?.setItem(NAME_KEY, n);
    } catch {
      // Private browsing can refuse storage; the name still holds for this visit.
    }
    setName(n);
  };
  return [name, remember];
}
