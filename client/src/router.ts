// A tiny router on location.pathname. Tokens never travel in URLs: only room codes and game ids do.
export const ROUTE = {
  landing: 'landing',
  join: 'join',
  host: 'host',
  play: 'play',
  solo: 'solo',
  report: 'report',
  workshop: 'workshop',
  notFound: 'not-found',
} as const;
export type RouteName = (typeof ROUTE)[keyof typeof ROUTE];

export interface Route {
  name: RouteName;
  code?: string;
  gameId?: string;
  /** The workshop's pack being edited (absent: the list). */
  packId?: string;
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: ROUTE.landing };
  if (path === '/solo') return { name: ROUTE.solo };
  if (path === '/workshop') return { name: ROUTE.workshop };
  let m = /^\/(join|play|host)\/(\d{6})$/.exec(path);
  if (m) return { name: m[1] as 'join' | 'play' | 'host', code: m[2] };
  m = /^\/report\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (m) return { name: ROUTE.report, gameId: m[1] };
  m = /^\/workshop\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/.exec(path);
  if (m) return { name: ROUTE.workshop, packId: m[1] };
  return { name: ROUTE.notFound };
}

export const NAVIGATE_EVENT = 'hostrush-navigate';

/** Moves to another view without reloading the page. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
