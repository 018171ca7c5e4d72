/**
 * What the address asks for: a view this reader may open, a view they may not (a forum member or
 * a snapshot opening one that changes data), or no view at all. Never the overview silently
 * under another address.
 */
import { ROLE_LABELS, type Role } from '../store/workspace';
import type { RouteDef } from './routes';

export type RoutePage =
  | { kind: 'view'; route: RouteDef; heading: string }
  | { kind: 'not-allowed'; route: RouteDef; address: string; heading: string }
  | { kind: 'unknown'; address: string; heading: string };

export function resolveRoute(path: string, allowed: RouteDef[], all: RouteDef[]): RoutePage {
  const route = allowed.find((r) => r.path === path);
  if (route) return { kind: 'view', route, heading: route.label };
  const address = `#/${path}`;
  const known = all.find((r) => r.path === path);
  if (known) return { kind: 'not-allowed', route: known, address, heading: `${known.label} is not available here` };
  return { kind: 'unknown', address, heading: 'No such page' };
}

export function RouteMessage({ page, readOnly, role }: { page: Exclude<RoutePage, { kind: 'view' }>; readOnly: boolean; role: Role }) {
  return (
    <div data-testid="route-message">
      {page.kind === 'unknown' ? (
        <p>
          There is no view at the address <code>{page.address}</code>. It may be mistyped, or from a newer or older version of
          the app.
        </p>
      ) : readOnly ? (
        <p>
          <code>{page.address}</code> is {page.route.label}, which changes the data, so this read-only snapshot does not include it.
        </p>
      ) : (
        <p>
          <code>{page.address}</code> is {page.route.label}, which changes the data, so it is not open to a{' '}
          {ROLE_LABELS[role].toLowerCase()}. A finance officer can open it (choose in &ldquo;I am a&rdquo;).
        </p>
      )}
      <p>
        <a href="#/overview">Go to the overview</a>
      </p>
    </div>
  );
}
