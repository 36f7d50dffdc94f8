// What the HTTP API's routes share: their dependencies, who asks (host key, operator key), the per-address budgets,
// the rooms' pack lookup, and what the workshop's routes are given of all this.
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { RoomManager } from '../rooms/manager.js';
import type { PackEntry, PackViewer } from '../rooms/packs.js';
import type { AddressLimiter } from '../security/rate-limit.js';
import { tokenMatches } from '../security/tokens.js';
import type { Storage } from '../storage/types.js';
import { hostKeyHash, sendError } from './replies.js';
import type { WorkshopDeps } from './workshop-access.js';

export interface ApiDeps {
  manager: RoomManager;
  storage: Storage;
  metrics: Metrics;
  clock: () => number;
  /** Told about storage failures (the client gets 503 storage/failed). */
  log?: Logger;
  /**
   * Per client address (`req.ip`, which follows the app's 'trust proxy') limits on making rooms (shared with the
   * socket's room:create) and importing packs (docs/SECURITY.md, "Flood"). None if absent.
   */
  limits?: {
    rooms: AddressLimiter;
    imports: AddressLimiter;
    verify?: AddressLimiter;
    /** Teacher password attempts and workshop saves (server/http/workshop.ts). */
    logins?: AddressLimiter;
    edits?: AddressLimiter;
  };
  /** The hash of HOSTRUSH_TEACHER_PASSWORD: the workshop and pack imports need an admitted host key. None: no login. */
  teacherPasswordHash?: string | null;
  /**
   * The hash of HOSTRUSH_OPERATOR_KEY: a request sending that key in `x-operator-key` is the server's operator
   * (lists and exports every pack). None when absent.
   */
  operatorKeyHash?: string | null;
  /** PUBLIC_URL, and where the HTTP server listens: what GET /api/join-origins reports (join-origins.ts). */
  publicUrl?: string | null;
  listening?: () => AddressInfo | string | null;
}

type Budget = 'rooms' | 'imports' | 'verify' | 'logins' | 'edits';

/** Who asks: its host key (x-host-key), and whether it sent the operator's key (x-operator-key). */
export function viewerOf(deps: ApiDeps, req: Request): PackViewer {
  const operatorKey = req.get('x-operator-key');
  const operator = Boolean(deps.operatorKeyHash && operatorKey && tokenMatches(operatorKey, deps.operatorKeyHash));
  return { hostKeyHash: hostKeyHash(req), ...(operator ? { operator } : {}) };
}

/** Spends a point of the client address's budget; false once a 429 rate/limited was sent (nothing changed). */
export async function allowed(deps: ApiDeps, kind: Budget, req: Request, res: Response): Promise<boolean> {
  const message = (await deps.limits?.[kind]?.refusal(req.ip ?? 'unknown')) ?? null;
  if (message !== null) sendError(res, deps.metrics, 'rate/limited', message);
  return message === null;
}

/**
 * The pack `viewer` may use, or null once a 404 or 503 has been sent (the rooms' own lookup: the same errors as a
 * socket gets; someone else's private pack is as unknown as a missing one).
 */
export async function findPack(
  deps: ApiDeps,
  id: string,
  viewer: PackViewer,
  res: Response,
): Promise<PackEntry | null> {
  const found = await deps.manager.findPack(id, viewer);
  if (found.ok) return found.entry;
  sendError(res, deps.metrics, found.error.code, found.error.message);
  return null;
}

/** The workshop's share of the API's dependencies (server/http/workshop.ts; pack imports check teachers with it). */
export function workshopDeps(deps: ApiDeps): WorkshopDeps {
  return {
    manager: deps.manager,
    storage: deps.storage,
    metrics: deps.metrics,
    clock: deps.clock,
    ...(deps.log ? { log: deps.log } : {}),
    teacherPasswordHash: deps.teacherPasswordHash ?? null,
    viewerOf: (req) => viewerOf(deps, req),
    allowed: (kind, req, res) => allowed(deps, kind, req, res),
  };
}
