// Where students' phones should open the game. A phone cannot reach "localhost": when the host page was opened on
// the server's own machine, the join link and QR code use the machine's network address instead (or PUBLIC_URL,
// when the server is behind a name of its own). No I/O here: the server reports what it knows (GET
// /api/join-origins), the host page decides.

/** GET /api/join-origins. */
export interface JoinOrigins {
  /** PUBLIC_URL, when the operator set one: always used. */
  publicUrl: string | null;
  /** http://<address>:<port> for each of the server's network (non-loopback IPv4) addresses it listens on. */
  lan: string[];
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/** The origin to put in the join link, for a host page at `page` (its location). */
export function joinOrigin(origins: JoinOrigins | null, page: { origin: string; hostname: string }): string {
  if (origins?.publicUrl) return origins.publicUrl.replace(/\/+$/, '');
  if (isLoopbackHost(page.hostname) && origins?.lan[0]) return origins.lan[0];
  return page.origin;
}
