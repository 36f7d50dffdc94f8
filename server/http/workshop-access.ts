// Who may use the workshop and touch a pack in it, and what a workshop route does when storage fails.
// (docs/SECURITY.md, "The workshop": every route needs a host key, admitted with HOSTRUSH_TEACHER_PASSWORD when the
// operator set one; a pack's answers are its owner's only, or the operator's.)
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PackError } from '../../shared/content/validate.js';
import type { Lang } from '../../shared/engine/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { RoomManager } from '../rooms/manager.js';
import { isDailyPool, isOwner, type PackEntry, type PackViewer } from '../rooms/packs.js';
import type { Storage } from '../storage/types.js';
import { sendError } from './replies.js';

export interface WorkshopDeps {
  manager: RoomManager;
  storage: Storage;
  metrics: Metrics;
  clock: () => number;
  log?: Logger;
  /** The hash of HOSTRUSH_TEACHER_PASSWORD; null: no login, every host key is a teacher (a one-teacher laptop). */
  teacherPasswordHash: string | null;
  /** Who asks (the API's viewerOf: host key, operator key). */
  viewerOf: (req: Request) => PackViewer;
  /** Spends a point of the address's budget; false once 429 was sent. */
  allowed: (kind: 'imports' | 'logins' | 'edits', req: Request, res: Response) => Promise<boolean>;
}

/** A located problem in the asker's language (the importers give Korean where they can). */
export function issueText(e: PackError, lang: Lang): { path: string; message: string } {
  return lang === 'ko' && e.ko ? { path: e.ko.path, message: e.ko.message ?? e.message } : e;
}

export const langOf = (req: Request): Lang => (req.query.lang === 'ko' ? 'ko' : 'en');

/**
 * The teacher asking: its host key's hash, or null once 401 was sent (no key; a key not admitted while a teacher
 * password is set). The operator is always a teacher.
 */
export async function teacherOf(deps: WorkshopDeps, req: Request, res: Response): Promise<string | null> {
  const viewer = deps.viewerOf(req);
  if (!viewer.hostKeyHash) {
    sendError(res, deps.metrics, 'auth/token', 'Send your host key in the x-host-key header.');
    return null;
  }
  if (deps.teacherPasswordHash && !viewer.operator && !(await deps.storage.isTeacherAdmitted(viewer.hostKeyHash))) {
    sendError(
      res,
      deps.metrics,
      'auth/teacher',
      'This server asks for its teacher password: log in first (POST /api/workshop/login {password}).',
    );
    return null;
  }
  return viewer.hostKeyHash;
}

export function storageFailed(deps: WorkshopDeps, res: Response, what: string, error: unknown): void {
  deps.log?.error({ err: error }, `workshop: could not ${what}`);
  sendError(
    res,
    deps.metrics,
    'storage/failed',
    'The packs are kept in the database, which failed just now; try again.',
  );
}

/** Spends the budget before the body is read or validated: a flood of invalid bodies costs as much as valid ones. */
export function spend(deps: WorkshopDeps, kind: 'logins' | 'edits'): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (await deps.allowed(kind, req, res)) next();
  };
}

/** Runs a handler; a storage failure is a 503, never a crash. */
export function guarded(
  deps: WorkshopDeps,
  what: string,
  handler: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) storageFailed(deps, res, what, error);
    }
  };
}

/**
 * The pack `owner` may read whole, edit or delete: its own (or any, for the operator). Another teacher's shared
 * pack is 403 auth/not-owner; a private one, a built-in one's answers or a missing one 404/403. null once sent.
 */
export async function ownPack(
  deps: WorkshopDeps,
  req: Request,
  res: Response,
  owner: string,
): Promise<PackEntry | null> {
  const { metrics } = deps;
  const id = String(req.params.id);
  const viewer = deps.viewerOf(req);
  const entry = await deps.manager.packs.entry(id);
  if (entry && !entry.builtin && (viewer.operator === true || isOwner(entry.ownerKeyHash, { hostKeyHash: owner })))
    return entry;
  if (entry?.builtin && !isDailyPool(entry)) {
    sendError(res, metrics, 'auth/not-owner', 'A built-in pack is never edited or served whole: copy it first.');
  } else if (entry && entry.shared && !entry.builtin) {
    sendError(res, metrics, 'auth/not-owner', "This pack is another teacher's: you may host it, not read or edit it.");
  } else sendError(res, metrics, 'pack/unknown', `No pack with id ${id}.`);
  return null;
}
