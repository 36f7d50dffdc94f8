// The HTTP API under /api: the routes of each concern in a file of its own (packs.ts, games.ts, solo.ts, the
// workshop's workshop.ts; making a room here), what they share in ./api-context.ts, how they answer in ./replies.ts.
import express, { type Router } from 'express';
import { LIMITS, roomCreateSchema } from '../../shared/protocol/index.js';
import { roomInfo } from '../rooms/sockets.js';
import { allowed, workshopDeps, type ApiDeps } from './api-context.js';
import { gameRoutes } from './games.js';
import { joinOrigins } from './join-origins.js';
import { packRoutes } from './packs.js';
import { parse, sendError } from './replies.js';
import { soloRoutes } from './solo.js';
import { workshopRouter } from './workshop.js';

export type { ApiDeps } from './api-context.js';

export function apiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  router.get('/join-origins', (_req, res) => {
    res.json(joinOrigins(deps.publicUrl ?? null, deps.listening?.() ?? null));
  });
  // Each concern adds its routes to this one table: a router of its own would answer an OPTIONS request for its
  // paths itself (Express's automatic reply), where this table answers 404 as it always has. The workshop had its own
  // router from its start.
  const workshop = workshopDeps(deps);
  packRoutes(router, deps, workshop);
  router.use('/workshop', workshopRouter(workshop));
  roomRoutes(router, deps);
  gameRoutes(router, deps);
  soloRoutes(router, deps);
  router.use((_req, res) => sendError(res, deps.metrics, 'input/invalid', 'No such API route.', {}));
  return router;
}

/** Making a room over HTTP (the socket's room:create makes them too, on the same per-address budget). */
function roomRoutes(router: Router, deps: ApiDeps): void {
  const { manager, metrics } = deps;
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.post('/rooms', json, async (req, res) => {
    const body = parse(roomCreateSchema, req, res, metrics);
    if (!body || !(await allowed(deps, 'rooms', req, res))) return;
    const created = await manager.createRoom(body);
    if (!created.ok) return sendError(res, metrics, created.error.code, created.error.message);
    res.status(201).json({ ok: true, ...roomInfo(created.room), hostToken: created.hostToken });
  });
}
