// The teacher's workshop over HTTP (/api/workshop/*; the contract is in the README's "Workshop" section and
// shared/protocol/workshop.ts): a teacher's own packs, versioned in storage (migration 005), copies of built-in
// packs, import previews and exports. Who may do what (docs/SECURITY.md, "The workshop"): every route needs a host
// key, admitted with HOSTRUSH_TEACHER_PASSWORD when the operator set one; a pack's answers (reading it whole,
// its versions, its export) are its owner's only (or the operator's); another teacher's shared pack is listed and
// hostable but neither read whole nor copied; a built-in pack is copied, never edited; a daily pool never leaves.
// This file: logging in, and the routes of ./workshop-packs.ts and ./workshop-import.ts; who may do what is in
// ./workshop-access.ts.
import express, { type Router } from 'express';
import { LIMITS } from '../../shared/protocol/index.js';
import { workshopLoginSchema } from '../../shared/protocol/workshop.js';
import { tokenMatches } from '../security/tokens.js';
import { parse, sendError } from './replies.js';
import { guarded, spend, storageFailed, teacherOf, type WorkshopDeps } from './workshop-access.js';
import { previewRoute } from './workshop-import.js';
import { workshopPackRoutes } from './workshop-packs.js';

export function workshopRouter(deps: WorkshopDeps): Router {
  const router = express.Router();
  teacherRoutes(router, deps);
  workshopPackRoutes(router, deps);
  router.post(
    '/import/preview',
    async (req, res, next) => {
      if ((await teacherOf(deps, req, res)) && (await deps.allowed('imports', req, res))) next();
    },
    express.raw({ type: () => true, limit: LIMITS.httpBodyBytes }),
    (req, res) => previewRoute(req, res, deps.metrics),
  );
  return router;
}

/** Logging in with the teacher password, and asking whether this host key is a teacher. */
function teacherRoutes(router: Router, deps: WorkshopDeps): void {
  const { storage, metrics, clock } = deps;
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.post('/login', spend(deps, 'logins'), json, async (req, res) => {
    const viewer = deps.viewerOf(req);
    if (!viewer.hostKeyHash)
      return sendError(res, metrics, 'auth/token', 'Send your host key in the x-host-key header.');
    const body = parse(workshopLoginSchema, req, res, metrics);
    if (!body) return;
    if (!deps.teacherPasswordHash) return void res.json({ ok: true });
    // Compared in constant time (as hashes: the same length whatever was typed).
    if (!tokenMatches(body.password, deps.teacherPasswordHash)) {
      return sendError(res, metrics, 'auth/teacher', 'That is not the teacher password of this server.');
    }
    try {
      await storage.admitTeacher(viewer.hostKeyHash, clock());
    } catch (error) {
      return storageFailed(deps, res, 'admit a teacher', error);
    }
    res.json({ ok: true });
  });
  router.get(
    '/me',
    guarded(deps, 'check a teacher', async (req, res) => {
      const viewer = deps.viewerOf(req);
      const loginRequired = deps.teacherPasswordHash !== null;
      const teacher =
        viewer.hostKeyHash !== null &&
        (!loginRequired || viewer.operator === true || (await storage.isTeacherAdmitted(viewer.hostKeyHash)));
      res.json({ ok: true, teacher, loginRequired });
    }),
  );
}
