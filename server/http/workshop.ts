// The teacher's workshop over HTTP (/api/workshop/*; the contract is in the README's "Workshop" section and
// shared/protocol/workshop.ts): a teacher's own packs, versioned in storage (migration 005), copies of built-in
// packs, import previews and exports. Who may do what (docs/SECURITY.md, "The workshop"): every route needs a host
// key, admitted with HOSTRUSH_TEACHER_PASSWORD when the operator set one; a pack's answers (reading it whole,
// its versions, its export) are its owner's only (or the operator's); another teacher's shared pack is listed and
// hostable but neither read whole nor copied; a built-in pack is copied, never edited; a daily pool never leaves.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { exportPack } from '../../shared/content/pack-io.js';
import { LIMITS as PACK_LIMITS } from '../../shared/content/schema.js';
import { validatePack, type PackError } from '../../shared/content/validate.js';
import { LIMITS } from '../../shared/protocol/index.js';
import {
  WORKSHOP_UNDO_MS,
  WORKSHOP_VERSIONS_KEPT,
  workshopCreateSchema,
  workshopExportQuerySchema,
  workshopLoginSchema,
  workshopRestoreSchema,
  workshopSaveSchema,
  type WorkshopPackSummary,
} from '../../shared/protocol/workshop.js';
import type { Lang } from '../../shared/engine/types.js';
import { writeKahootXlsx } from '../content/kahoot-xlsx.js';
import type { Metrics } from '../metrics.js';
import { isDailyPool, isOwner, MAX_IMPORTED, type PackEntry, type PackViewer } from '../rooms/packs.js';
import type { RoomManager } from '../rooms/manager.js';
import { tokenMatches } from '../security/tokens.js';
import type { Storage } from '../storage/types.js';
import type { Logger } from '../log.js';
import { packLimit, parse, sendError } from './replies.js';
import { previewRoute } from './workshop-import.js';

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

const langOf = (req: Request): Lang => (req.query.lang === 'ko' ? 'ko' : 'en');

export function workshopRouter(deps: WorkshopDeps): Router {
  const { storage, metrics, clock } = deps;
  const packs = deps.manager.packs;
  const router = express.Router();
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  // A budget is spent before the body is read or validated: a flood of invalid bodies costs as much as valid ones.
  const spend = (kind: 'logins' | 'edits') => async (req: Request, res: Response, next: NextFunction) => {
    if (await deps.allowed(kind, req, res)) next();
  };
  const storageFailed = (res: Response, what: string, error: unknown) => {
    deps.log?.error({ err: error }, `workshop: could not ${what}`);
    sendError(res, metrics, 'storage/failed', 'The packs are kept in the database, which failed just now; try again.');
  };
  /** Runs a handler; a storage failure is a 503, never a crash. */
  const guarded =
    (what: string, handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        if (!res.headersSent) storageFailed(res, what, error);
      }
    };
  const invalid = (res: Response, errors: PackError[], lang: Lang) =>
    sendError(
      res,
      metrics,
      'pack/invalid',
      `The pack has ${errors.length} error(s).`,
      { issues: errors.slice(0, 100).map((e) => issueText(e, lang)) },
      422,
    );
  /**
   * The pack `owner` may read whole, edit or delete: its own (or any, for the operator). Another teacher's shared
   * pack is 403 auth/not-owner; a private one, a built-in one's answers or a missing one 404/403. null once sent.
   */
  const ownPack = async (req: Request, res: Response, owner: string): Promise<PackEntry | null> => {
    const id = String(req.params.id);
    const viewer = deps.viewerOf(req);
    const entry = await packs.entry(id);
    if (entry && !entry.builtin && (viewer.operator === true || isOwner(entry.ownerKeyHash, { hostKeyHash: owner })))
      return entry;
    if (entry?.builtin && !isDailyPool(entry)) {
      sendError(res, metrics, 'auth/not-owner', 'A built-in pack is never edited or served whole: copy it first.');
    } else if (entry && entry.shared && !entry.builtin) {
      sendError(
        res,
        metrics,
        'auth/not-owner',
        "This pack is another teacher's: you may host it, not read or edit it.",
      );
    } else sendError(res, metrics, 'pack/unknown', `No pack with id ${id}.`);
    return null;
  };
  /** Stores a copy under a new id for `owner`; answers 201 or 409. */
  const storeNew = async (res: Response, pack: GamePack, owner: string) => {
    const added = await packs.add(pack, owner);
    if (added === 'limit') return packLimit(res, metrics);
    res.status(201).json({ ok: true, id: added.id, version: 1 });
  };

  router.post('/login', spend('logins'), json, async (req, res) => {
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
      return storageFailed(res, 'admit a teacher', error);
    }
    res.json({ ok: true });
  });

  router.get(
    '/me',
    guarded('check a teacher', async (req, res) => {
      const viewer = deps.viewerOf(req);
      const loginRequired = deps.teacherPasswordHash !== null;
      const teacher =
        viewer.hostKeyHash !== null &&
        (!loginRequired || viewer.operator === true || (await storage.isTeacherAdmitted(viewer.hostKeyHash)));
      res.json({ ok: true, teacher, loginRequired });
    }),
  );

  router.get(
    '/packs',
    guarded('list the packs', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const stored = await storage.listImportedPacks(1000, { ownerKeyHash: owner });
      const list: WorkshopPackSummary[] = [
        ...BUILTIN_PACKS.filter((p) => !isDailyPool({ builtin: true, pack: p })).map(builtinSummary),
        ...stored.map((s): WorkshopPackSummary => ({
          id: s.id,
          title: s.title,
          description: s.description,
          language: s.language,
          source: isOwner(s.ownerKeyHash, { hostKeyHash: owner }) ? 'mine' : 'shared',
          shared: s.shared,
          version: s.version,
          updatedAt: s.updatedAt,
          questionCount: s.questionCount,
          cardCount: s.cardCount,
          scenarioCount: s.scenarioCount,
          roundCount: s.roundCount,
        })),
      ];
      res.json({ ok: true, packs: list });
    }),
  );

  router.get(
    '/packs/:id',
    guarded('read a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(req, res, owner));
      if (!entry) return;
      const source = isOwner(entry.ownerKeyHash, { hostKeyHash: owner }) ? 'mine' : 'shared';
      const { pack, version, shared, updatedAt } = entry;
      res.json({ ok: true, pack, version, source, shared, updatedAt });
    }),
  );

  router.post(
    '/packs',
    spend('edits'),
    json,
    guarded('store a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopCreateSchema, req, res, metrics);
      if (!body) return;
      if ('pack' in body) {
        // A new pack's id is the server's to give: any (or none) is accepted here.
        const result = validatePack(withPackId(body.pack, 'new-pack'));
        if (!result.ok) return invalid(res, result.errors, langOf(req));
        return storeNew(res, result.pack, owner);
      }
      const entry = await packs.entry(body.from);
      const viewer = deps.viewerOf(req);
      if (entry && ((entry.builtin && !isDailyPool(entry)) || (!entry.builtin && viewer.operator === true))) {
        return storeNew(res, copyOf(entry.pack), owner);
      }
      if (entry && !entry.builtin && isOwner(entry.ownerKeyHash, viewer))
        return storeNew(res, copyOf(entry.pack), owner);
      if (entry && entry.shared && !entry.builtin) {
        return sendError(res, metrics, 'auth/not-owner', "Another teacher's shared pack is hosted, not copied.");
      }
      sendError(res, metrics, 'pack/unknown', `No pack with id ${body.from} to copy.`);
    }),
  );

  router.put(
    '/packs/:id',
    spend('edits'),
    json,
    guarded('save a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopSaveSchema, req, res, metrics);
      if (!body) return;
      const entry = await ownPack(req, res, owner);
      if (!entry) return;
      const id = entry.pack.meta.id;
      // The pack keeps its id whatever the body says (a pack is found by it, rooms and versions too).
      const result = validatePack(withPackId(body.pack, id));
      if (!result.ok) return invalid(res, result.errors, langOf(req));
      await saveVersion(res, id, result.pack, body.baseVersion);
    }),
  );
  const saveVersion = async (res: Response, id: string, pack: GamePack, baseVersion: number) => {
    const saved = await storage.savePackVersion(id, pack, baseVersion, clock(), WORKSHOP_VERSIONS_KEPT);
    if (saved.ok) return void res.json({ ok: true, version: saved.version });
    if (saved.reason === 'conflict') {
      const message =
        `The pack was saved as version ${saved.latest} since you opened version ${baseVersion} ` +
        '(another tab or device?): reload it, then save again.';
      return sendError(res, metrics, 'pack/conflict', message, { latest: saved.latest });
    }
    sendError(res, metrics, 'pack/unknown', `No pack with id ${id}.`);
  };

  router.get(
    '/packs/:id/versions',
    guarded('list versions', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(req, res, owner));
      if (entry) res.json({ ok: true, versions: await storage.listPackVersions(entry.pack.meta.id) });
    }),
  );

  router.post(
    '/packs/:id/restore',
    spend('edits'),
    json,
    guarded('restore a version', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopRestoreSchema, req, res, metrics);
      const entry = body && (await ownPack(req, res, owner));
      if (!body || !entry) return;
      const old = await packs.version(entry.pack.meta.id, body.version);
      if (!old) return sendError(res, metrics, 'pack/unknown', `This pack has no version ${body.version} (kept).`);
      await saveVersion(res, entry.pack.meta.id, old, entry.version);
    }),
  );

  router.post(
    '/packs/:id/duplicate',
    guarded('duplicate a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner || !(await deps.allowed('edits', req, res))) return;
      const entry = await ownPack(req, res, owner);
      if (entry) await storeNew(res, copyOf(entry.pack), owner);
    }),
  );

  router.delete(
    '/packs/:id',
    guarded('delete a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(req, res, owner));
      if (!entry) return;
      const at = clock();
      if (!(await storage.deletePack(entry.pack.meta.id, at))) {
        return sendError(res, metrics, 'pack/unknown', `No pack with id ${entry.pack.meta.id}.`);
      }
      res.json({ ok: true, undoUntil: at + WORKSHOP_UNDO_MS });
    }),
  );

  router.post(
    '/packs/:id/undelete',
    guarded('bring a pack back', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const id = String(req.params.id).slice(0, 64);
      const who = deps.viewerOf(req).operator === true ? null : owner;
      const back = await storage.undeletePack(id, who, clock() - WORKSHOP_UNDO_MS, MAX_IMPORTED);
      if (back === 'limit') return packLimit(res, metrics);
      if (back === 'unknown') {
        return sendError(res, metrics, 'pack/unknown', `No pack of yours deleted in the last 24 hours has id ${id}.`);
      }
      const state = await storage.getPackState(id);
      res.json({ ok: true, version: state?.version ?? 1 });
    }),
  );

  router.get(
    '/packs/:id/export',
    guarded('export a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const query = workshopExportQuerySchema.safeParse(req.query);
      if (!query.success) {
        return sendError(res, metrics, 'input/invalid', 'format is json or xlsx; lang is ko or en.');
      }
      const entry = await ownPack(req, res, owner);
      if (!entry) return;
      await sendExport(res, entry.pack, query.data);
    }),
  );

  router.post(
    '/import/preview',
    async (req, res, next) => {
      if ((await teacherOf(deps, req, res)) && (await deps.allowed('imports', req, res))) next();
    },
    express.raw({ type: () => true, limit: LIMITS.httpBodyBytes }),
    (req, res) => previewRoute(req, res, metrics),
  );
  return router;
}

async function sendExport(res: Response, pack: GamePack, query: z.output<typeof workshopExportQuerySchema>) {
  if (query.format === 'json') {
    res.attachment(`${pack.meta.id}.hostrush.json`).type('application/json').send(exportPack(pack));
    return;
  }
  const { bytes, leftOut } = await writeKahootXlsx(pack, query.lang);
  res
    .attachment(`${pack.meta.id}.kahoot.xlsx`)
    .set('X-HostRush-Left-Out', String(leftOut.length))
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(bytes);
}

function builtinSummary(p: GamePack): WorkshopPackSummary {
  return {
    id: p.meta.id,
    title: p.meta.title,
    description: p.meta.description,
    language: p.meta.language,
    source: 'builtin',
    shared: true,
    version: 1,
    updatedAt: 0,
    questionCount: p.questions.length,
    cardCount: p.cards.length,
    scenarioCount: p.scenarios.length,
    roundCount: p.rounds.length,
  };
}

/** The pack as sent, its meta.id set to `id` when it has a meta object (validatePack checks the rest). */
function withPackId(given: unknown, id: string): unknown {
  if (!given || typeof given !== 'object' || Array.isArray(given)) return given;
  const meta = (given as { meta?: unknown }).meta;
  return meta && typeof meta === 'object' && !Array.isArray(meta) ? { ...given, meta: { ...meta, id } } : given;
}

/** A copy's pack: the same content, titled "... (copy)" / "(사본)" in the pack's language (within the title limit). */
export function copyOf(pack: GamePack): GamePack {
  const suffix = pack.meta.language === 'ko' ? ' (사본)' : ' (copy)';
  const title = pack.meta.title.slice(0, PACK_LIMITS.titleLength - suffix.length) + suffix;
  return { ...pack, meta: { ...pack.meta, title } };
}
