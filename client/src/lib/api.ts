// HTTP calls to the server's JSON API. Errors come back as { ok: false, error: { code, message } }.
import type { JoinOrigins } from '../../../shared/protocol/join-origin.js';
import type { PackSummary, PayloadOf, RoomCreated } from '../../../shared/protocol/types.js';
import { hostKey } from '../session/tokens.js';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** A pack's problems; `ko` says them in Korean where the importer can (CSV). */
    readonly issues: Array<{ path: string; message: string; ko?: { path: string; message?: string } }> = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as
    (T & { ok?: boolean; error?: { code: string; message: string }; issues?: ApiError['issues'] }) | null;
  if (!res.ok || (body && body.ok === false)) {
    throw new ApiError(
      body?.error?.code ?? `http/${res.status}`,
      body?.error?.message ?? res.statusText,
      body?.issues ?? [],
    );
  }
  return body as T;
}

export const api = {
  /**
   * Makes a classroom or team room (the same rules as the socket's `room:create`). The answer has no view: the host
   * view, opened next, takes the host seat with the token (SessionController.resumeHost) and gets it then.
   */
  createRoom: (payload: PayloadOf<'room:create'>) =>
    call<Omit<RoomCreated, 'view'>>('/api/rooms', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    }),
  /** Built-in packs, shared ones and this browser's own imports (its host key says which are its own). */
  packs: () => call<PackSummary[]>('/api/packs', { headers: { 'x-host-key': hostKey() } }),
  joinOrigins: () => call<JoinOrigins>('/api/join-origins'),
  /** An imported pack belongs to this browser's host key: private to it until shared. */
  importPack: (text: string, csv = false) =>
    call<{ ok: true; pack: PackSummary }>('/api/packs/import', {
      method: 'POST',
      headers: { 'content-type': csv ? 'text/csv' : 'application/json', 'x-host-key': hostKey() },
      body: text,
    }),
  /** Shares one of this browser's imported packs with every host on this server (or makes it private again). */
  sharePack: (id: string, shared: boolean) =>
    call<{ ok: true; id: string; shared: boolean }>(`/api/packs/${encodeURIComponent(id)}/shared`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-host-key': hostKey() },
      body: JSON.stringify({ shared }),
    }),
  games: (hostKey: string) => call<unknown[]>('/api/games', { headers: { 'x-host-key': hostKey } }),
  report: <T>(gameId: string, hostKey: string) =>
    call<T>(`/api/games/${encodeURIComponent(gameId)}/report`, { headers: { 'x-host-key': hostKey } }),
  async reportCsv(gameId: string, hostKey: string, lang: 'ko' | 'en' = 'en'): Promise<Blob> {
    const res = await fetch(`/api/games/${encodeURIComponent(gameId)}/report.csv?lang=${lang}`, {
      headers: { 'x-host-key': hostKey },
    });
    if (!res.ok) throw new ApiError(`http/${res.status}`, res.statusText);
    return res.blob();
  },
  leaderboard: (board: string) =>
    call<{
      board: string;
      entries: Array<{ rank: number; playerName: string; score: number; createdAt: string | number }>;
    }>(`/api/solo/leaderboard?board=${encodeURIComponent(board)}`),
};
