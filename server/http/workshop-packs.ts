// The workshop's pack routes (/api/workshop/packs...): a teacher's list, reading a pack whole, making one (new or a
// copy), saving and restoring versions, duplicating, deleting and bringing back, exporting. Who may touch which pack
// is ./workshop-access.ts (ownPack); a built-in pack is copied, never edited; a daily pool never leaves.
import express, { type Response, type Router } from 'express';
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
  workshopRestoreSchema,
  workshopSaveSchema,
  type WorkshopPackSummary,
} from '../../shared/protocol/workshop.js';
import type { Lang } from '../../shared/engine/types.js';
import { writeKahootXlsx } from '../content/kahoot-xlsx.js';
import { isDailyPool, isOwner, MAX_IMPORTED } from '../rooms/packs.js';
import type { ImportedPackSummary } from '../storage/types.js';
import { packLimit, parse, sendError } from './replies.js';
import { guarded, issueText, langOf, ownPack, spend, teacherOf, type WorkshopDeps } from './workshop-access.js';

export function workshopPackRoutes(router: Router, deps: WorkshopDeps): void {
  readRoutes(router, deps);
  createRoutes(router, deps);
  saveRoutes(router, deps);
  deleteRoutes(router, deps);
}

function readRoutes(router: Router, deps: WorkshopDeps): void {
  const { storage, metrics } = deps;
  router.get(
    '/packs',
    guarded(deps, 'list the packs', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const stored = await storage.listImportedPacks(1000, { ownerKeyHash: owner });
      const list: WorkshopPackSummary[] = [
        ...BUILTIN_PACKS.filter((p) => !isDailyPool({ builtin: true, pack: p })).map(builtinSummary),
        ...stored.map((s) => storedSummary(s, owner)),
      ];
      res.json({ ok: true, packs: list });
    }),
  );
  router.get(
    '/packs/:id',
    guarded(deps, 'read a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(deps, req, res, owner));
      if (!entry) return;
      const source = isOwner(entry.ownerKeyHash, { hostKeyHash: owner }) ? 'mine' : 'shared';
      const { pack, version, shared, updatedAt } = entry;
      res.json({ ok: true, pack, version, source, shared, updatedAt });
    }),
  );
  router.get(
    '/packs/:id/versions',
    guarded(deps, 'list versions', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(deps, req, res, owner));
      if (entry) res.json({ ok: true, versions: await storage.listPackVersions(entry.pack.meta.id) });
    }),
  );
  router.get(
    '/packs/:id/export',
    guarded(deps, 'export a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const query = workshopExportQuerySchema.safeParse(req.query);
      if (!query.success) {
        return sendError(res, metrics, 'input/invalid', 'format is json or xlsx; lang is ko or en.');
      }
      const entry = await ownPack(deps, req, res, owner);
      if (!entry) return;
      await sendExport(res, entry.pack, query.data);
    }),
  );
}

function createRoutes(router: Router, deps: WorkshopDeps): void {
  const { metrics } = deps;
  const packs = deps.manager.packs;
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.post(
    '/packs',
    spend(deps, 'edits'),
    json,
    guarded(deps, 'store a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopCreateSchema, req, res, metrics);
      if (!body) return;
      if ('pack' in body) {
        // A new pack's id is the server's to give: any (or none) is accepted here.
        const result = validatePack(withPackId(body.pack, 'new-pack'));
        if (!result.ok) return invalid(deps, res, result.errors, langOf(req));
        return storeNew(deps, res, result.pack, owner);
      }
      const entry = await packs.entry(body.from);
      const viewer = deps.viewerOf(req);
      if (entry && ((entry.builtin && !isDailyPool(entry)) || (!entry.builtin && viewer.operator === true))) {
        return storeNew(deps, res, copyOf(entry.pack), owner);
      }
      if (entry && !entry.builtin && isOwner(entry.ownerKeyHash, viewer))
        return storeNew(deps, res, copyOf(entry.pack), owner);
      if (entry && entry.shared && !entry.builtin) {
        return sendError(res, metrics, 'auth/not-owner', "Another teacher's shared pack is hosted, not copied.");
      }
      sendError(res, metrics, 'pack/unknown', `No pack with id ${body.from} to copy.`);
    }),
  );
  router.post(
    '/packs/:id/duplicate',
    guarded(deps, 'duplicate a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner || !(await deps.allowed('edits', req, res))) return;
      const entry = await ownPack(deps, req, res, owner);
      if (entry) await storeNew(deps, res, copyOf(entry.pack), owner);
    }),
  );
}

function saveRoutes(router: Router, deps: WorkshopDeps): void {
  const { metrics } = deps;
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.put(
    '/packs/:id',
    spend(deps, 'edits'),
    json,
    guarded(deps, 'save a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopSaveSchema, req, res, metrics);
      if (!body) return;
      const entry = await ownPack(deps, req, res, owner);
      if (!entry) return;
      const id = entry.pack.meta.id;
      // The pack keeps its id whatever the body says (a pack is found by it, rooms and versions too).
      const result = validatePack(withPackId(body.pack, id));
      if (!result.ok) return invalid(deps, res, result.errors, langOf(req));
      await saveVersion(deps, res, id, result.pack, body.baseVersion);
    }),
  );
  router.post(
    '/packs/:id/restore',
    spend(deps, 'edits'),
    json,
    guarded(deps, 'restore a version', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      if (!owner) return;
      const body = parse(workshopRestoreSchema, req, res, metrics);
      const entry = body && (await ownPack(deps, req, res, owner));
      if (!body || !entry) return;
      const old = await deps.manager.packs.version(entry.pack.meta.id, body.version);
      if (!old) return sendError(res, metrics, 'pack/unknown', `This pack has no version ${body.version} (kept).`);
      await saveVersion(deps, res, entry.pack.meta.id, old, entry.version);
    }),
  );
}

function deleteRoutes(router: Router, deps: WorkshopDeps): void {
  const { storage, metrics, clock } = deps;
  router.delete(
    '/packs/:id',
    guarded(deps, 'delete a pack', async (req, res) => {
      const owner = await teacherOf(deps, req, res);
      const entry = owner && (await ownPack(deps, req, res, owner));
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
    guarded(deps, 'bring a pack back', async (req, res) => {
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
}

/** 422 pack/invalid with each located problem in the asker's language. */
function invalid(deps: WorkshopDeps, res: Response, errors: PackError[], lang: Lang): void {
  sendError(
    res,
    deps.metrics,
    'pack/invalid',
    `The pack has ${errors.length} error(s).`,
    { issues: errors.slice(0, 100).map((e) => issueText(e, lang)) },
    422,
  );
}

/** Stores a copy under a new id for `owner`; answers 201 or 409. */
async function storeNew(deps: WorkshopDeps, res: Response, pack: GamePack, owner: string): Promise<void> {
  const added = await deps.manager.packs.add(pack, owner);
  if (added === 'limit') return packLimit(res, deps.metrics);
  res.status(201).json({ ok: true, id: added.id, version: 1 });
}

/** Saves `pack` as the next version of `id` if `baseVersion` is still its latest; else 409 pack/conflict. */
async function saveVersion(
  deps: WorkshopDeps,
  res: Response,
  id: string,
  pack: GamePack,
  baseVersion: number,
): Promise<void> {
  const { metrics } = deps;
  const saved = await deps.storage.savePackVersion(id, pack, baseVersion, deps.clock(), WORKSHOP_VERSIONS_KEPT);
  if (saved.ok) return void res.json({ ok: true, version: saved.version });
  if (saved.reason === 'conflict') {
    const message =
      `The pack was saved as version ${saved.latest} since you opened version ${baseVersion} ` +
      '(another tab or device?): reload it, then save again.';
    return sendError(res, metrics, 'pack/conflict', message, { latest: saved.latest });
  }
  sendError(res, metrics, 'pack/unknown', `No pack with id ${id}.`);
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

/** A stored pack in `owner`'s list: its own, or another teacher's shared one. */
function storedSummary(s: ImportedPackSummary, owner: string): WorkshopPackSummary {
  return {
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
