// The packs' routes: the list, a pack's preview and export, sharing one, importing one (JSON or Kahoot CSV).
// The answer key (docs/SECURITY.md): the list shows built-in packs, shared ones and the asker's own; a pack reads
// as a preview without answers or explanations; only its owner (or an operator) exports an imported pack whole,
// only the operator a built-in one (its answers are the daily challenge's), and the daily pools are the operator's
// in any form (rooms/packs.ts mayExport, isDailyPool).
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { importKahootCsv } from '../../shared/content/csv-import.js';
import { exportPack, parsePackJson } from '../../shared/content/pack-io.js';
import { previewPack } from '../../shared/content/preview.js';
import { LIMITS } from '../../shared/protocol/index.js';
import { mayExport, mayManage } from '../rooms/packs.js';
import { allowed, findPack, viewerOf, type ApiDeps } from './api-context.js';
import { hostKeyHash, packLimit, parse, sendError } from './replies.js';
import { teacherOf, type WorkshopDeps } from './workshop-access.js';

/** A share request's body. */
const shareSchema = z.strictObject({ shared: z.boolean() });

export function packRoutes(router: Router, deps: ApiDeps, workshop: WorkshopDeps): void {
  packReadRoutes(router, deps);
  packShareRoute(router, deps);
  packImportRoute(router, deps, workshop);
}

// Imported packs are in storage (server/rooms/packs.ts): a failing database answers 503, never a crash.
function storageFailed(deps: ApiDeps, res: Response, what: string, error: unknown): void {
  deps.log?.error({ err: error }, `packs: could not ${what}`);
  sendError(
    res,
    deps.metrics,
    'storage/failed',
    'The packs are kept in the database, which failed just now; try again.',
  );
}

function packReadRoutes(router: Router, deps: ApiDeps): void {
  const { manager, metrics } = deps;
  router.get('/packs', async (req, res) => {
    try {
      res.json(await manager.packs.list(viewerOf(deps, req)));
    } catch (error) {
      storageFailed(deps, res, 'list the packs', error);
    }
  });
  router.get('/packs/:id', async (req, res) => {
    const entry = await findPack(deps, req.params.id, viewerOf(deps, req), res);
    if (entry) res.json(previewPack(entry.pack));
  });
  router.get('/packs/:id/export', async (req, res) => {
    const viewer = viewerOf(deps, req);
    const entry = await findPack(deps, req.params.id, viewer, res);
    if (!entry) return;
    if (!mayExport(entry, viewer)) {
      return sendError(
        res,
        metrics,
        'auth/not-host',
        entry.builtin
          ? 'A built-in pack is exported with its answers to the server operator ' +
              'only (x-operator-key); its preview (GET /api/packs/:id) has no answers.'
          : 'Only the host key that imported this pack (or the server operator) exports it with its answers.',
      );
    }
    const pack = entry.pack;
    res.attachment(`${pack.meta.id}.hostrush.json`).type('application/json').send(exportPack(pack));
  });
}

function packShareRoute(router: Router, deps: ApiDeps): void {
  const { manager, metrics } = deps;
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.put('/packs/:id/shared', json, async (req, res) => {
    const viewer = viewerOf(deps, req);
    const body = parse(shareSchema, req, res, metrics);
    if (!body) return;
    const entry = await findPack(deps, req.params.id, viewer, res);
    if (!entry) return;
    if (!mayManage(entry, viewer)) {
      return sendError(
        res,
        metrics,
        'auth/not-host',
        'Only the host key that imported this pack (or the server operator) shares it.',
      );
    }
    try {
      await manager.packs.setShared(entry.pack.meta.id, body.shared);
    } catch (error) {
      return storageFailed(deps, res, 'share the pack', error);
    }
    res.json({ ok: true, id: entry.pack.meta.id, shared: body.shared });
  });
}

function packImportRoute(router: Router, deps: ApiDeps, workshop: WorkshopDeps): void {
  const { manager, metrics } = deps;
  // Pack import reads the raw text so that a JSON syntax error is located by the pack parser.
  const raw = express.text({ type: ['application/json', 'text/csv', 'text/plain'], limit: LIMITS.httpBodyBytes });
  // An import belongs to the host key that sends it. The per-address budget is charged before the body is read or
  // validated: a flood of large invalid packs costs as much as valid ones (docs/SECURITY.md, "Invalid imports").
  // With a teacher password, an import needs an admitted host key too (as the workshop).
  const importer = async (req: Request, res: Response, next: NextFunction) => {
    if (!hostKeyHash(req))
      return sendError(
        res,
        metrics,
        'auth/token',
        'Send your host key in the x-host-key header: the pack will be yours.',
      );
    try {
      if (!(await teacherOf(workshop, req, res))) return;
    } catch (error) {
      return storageFailed(deps, res, 'check a teacher', error);
    }
    if (!(await allowed(deps, 'imports', req, res))) return;
    next();
  };
  router.post('/packs/import', importer, raw, async (req, res) => {
    const owner = hostKeyHash(req)!;
    if (typeof req.body !== 'string' || req.body.length === 0) {
      return sendError(res, metrics, 'input/invalid', 'Send the pack as application/json or text/csv.');
    }
    const isCsv = req.is('text/csv') !== false && req.is('text/csv') !== null;
    const lang = req.query.lang === 'ko' ? 'ko' : 'en';
    const title = typeof req.query.title === 'string' ? req.query.title.slice(0, 100) : 'Imported questions';
    const result = isCsv
      ? importKahootCsv(req.body, { id: 'imported-csv', title: title || 'Imported questions', language: lang })
      : parsePackJson(req.body);
    if (!result.ok) {
      return sendError(res, metrics, 'pack/invalid', `The pack has ${result.errors.length} error(s).`, {
        issues: result.errors.slice(0, 100),
      });
    }
    // Answered once the pack is stored, so any process (or this one after a restart) finds it.
    let pack;
    try {
      pack = await manager.packs.add(result.pack, owner);
    } catch (error) {
      return storageFailed(deps, res, 'store the pack', error);
    }
    if (pack === 'limit') return packLimit(res, metrics);
    res.status(201).json({ ok: true, pack });
  });
}
