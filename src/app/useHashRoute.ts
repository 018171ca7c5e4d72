import { useEffect, useState } from 'react';

/** Hash routes (#/overview) so the app works from any folder, a file copy or a static host. */
export function useHashRoute(fallback: string): string {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.replace(/^#\/?/, '') || fallback);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [fallback]);
  return route;
}
