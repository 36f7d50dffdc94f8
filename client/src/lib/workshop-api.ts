// The workshop's HTTP calls (docs: the workshop API contract). Every call carries this browser's host key: a pack
// belongs to the key that made it. Errors are ApiError with the server's code and, for a pack, its located issues.
import type { GamePack } from '../../../shared/content/pack.js';
import {
  XLSX_TYPE,
  type WorkshopCreatedReply,
  type WorkshopDeletedReply,
  type WorkshopListReply,
  type WorkshopPackReply,
  type WorkshopPackSummary,
  type WorkshopPreviewReply,
  type WorkshopSavedReply,
  type WorkshopVersionInfo,
  type WorkshopVersionsReply,
} from '../../../shared/protocol/workshop.js';
import { lang } from '../i18n/index.js';
import { hostKey } from '../session/tokens.js';
import { ApiError } from './api.js';

export type { WorkshopPackSummary };
export type PackVersion = WorkshopVersionInfo;
export type ImportPreview = Omit<WorkshopPreviewReply, 'ok'>;

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('x-host-key', hostKey());
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(path, { ...init, headers });
  const body = (await res.json().catch(() => null)) as
    | (T & { error?: { code: string; message: string; issues?: ApiError['issues'] }; issues?: ApiError['issues'] })
    | null;
  if (!res.ok) {
    throw new ApiError(
      body?.error?.code ?? `http/${res.status}`,
      body?.error?.message ?? res.statusText,
      body?.error?.issues ?? body?.issues ?? [],
    );
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const at = (id: string) => `/api/workshop/packs/${encodeURIComponent(id)}`;

export const workshop = {
  /** Admits this browser's host key as a teacher where the operator set a teacher password. */
  login: (password: string) => call<{ ok: true }>('/api/workshop/login', json('POST', { password })),
  packs: () => call<WorkshopListReply>('/api/workshop/packs').then((r) => r.packs),
  get: (id: string) => call<WorkshopPackReply>(at(id)),
  create: (pack: GamePack) => call<WorkshopCreatedReply>('/api/workshop/packs', json('POST', { pack })),
  copy: (from: string) => call<WorkshopCreatedReply>('/api/workshop/packs', json('POST', { from })),
  save: (id: string, pack: GamePack, baseVersion: number) =>
    call<WorkshopSavedReply>(at(id), json('PUT', { pack, baseVersion })),
  versions: (id: string) => call<WorkshopVersionsReply>(`${at(id)}/versions`).then((r) => r.versions),
  restore: (id: string, version: number) => call<{ version: number }>(`${at(id)}/restore`, json('POST', { version })),
  duplicate: (id: string) => call<WorkshopCreatedReply>(`${at(id)}/duplicate`, { method: 'POST' }),
  remove: (id: string) => call<WorkshopDeletedReply>(at(id), { method: 'DELETE' }),
  undelete: (id: string) => call<{ ok: true }>(`${at(id)}/undelete`, { method: 'POST' }),
  share: (id: string, shared: boolean) =>
    call<{ ok: true }>(`/api/packs/${encodeURIComponent(id)}/shared`, json('PUT', { shared })),
  preview: (file: File, lang: 'ko' | 'en') => {
    const type = /\.xlsx$/i.test(file.name) ? XLSX_TYPE : /\.csv$/i.test(file.name) ? 'text/csv' : 'application/json';
    const q = new URLSearchParams({ lang, title: file.name.replace(/\.[^.]+$/, '') });
    return call<WorkshopPreviewReply>(`/api/workshop/import/preview?${q}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: file,
    });
  },
  /** The owner's file of a pack (answers included): JSON or Kahoot!'s .xlsx question template. */
  async export(id: string, format: 'json' | 'xlsx'): Promise<Blob> {
    const res = await fetch(`${at(id)}/export?format=${format}&lang=${lang()}`, {
      headers: { 'x-host-key': hostKey() },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      throw new ApiError(body?.error?.code ?? `http/${res.status}`, body?.error?.message ?? res.statusText);
    }
    return res.blob();
  },
};
