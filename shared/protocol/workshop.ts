// The teacher's workshop over HTTP (/api/workshop/*, docs in /work/notes/workshop-api.md and the README): request
// bodies and query strings as zod schemas (the server parses every one with them), replies as types. A pack inside a
// body is `unknown` here: it is checked by validatePack (shared/content/validate.ts), which locates every problem
// (`questions[12].options[3].text: required`), as the client does while the teacher types.
import { z } from 'zod';
import type { GamePack } from '../content/pack.js';
import type { Lang } from '../engine/types.js';

/** Packs one owner (host key) may keep, deleted ones aside; one more answers 409 pack/limit. */
export const WORKSHOP_PACK_CAP = 500;
/** Versions kept per pack (the newest; an older one goes when a save passes this). */
export const WORKSHOP_VERSIONS_KEPT = 50;
/** How long a deleted pack can be brought back (POST .../undelete); after that it is gone for good. */
export const WORKSHOP_UNDO_MS = 24 * 60 * 60 * 1000;
/** The times Kahoot!'s question template allows (seconds), for its .xlsx import and export. */
export const KAHOOT_TIME_LIMITS: readonly number[] = [5, 10, 20, 30, 60, 90, 120, 240];
/** The xlsx media type (import preview body, export reply). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workshop pack id (the ids the server gives: imp-xxxxxxxxxxxx) or a built-in pack's id. */
const packId = z.string().min(1).max(64);
const version = z.number().int().min(1).max(1_000_000_000);

/** POST /api/workshop/login */
export const workshopLoginSchema = z.strictObject({ password: z.string().min(1).max(256) });

/**
 * POST /api/workshop/packs: a new pack ({pack}, validated, its meta.id replaced by the server's) or a private copy
 * of a built-in pack (not a daily pool) or of one of the caller's own ({from}).
 */
export const workshopCreateSchema = z.union([z.strictObject({ pack: z.unknown() }), z.strictObject({ from: packId })]);

/** PUT /api/workshop/packs/:id: the whole pack, and the version it was edited from (409 pack/conflict if older). */
export const workshopSaveSchema = z.strictObject({ pack: z.unknown(), baseVersion: version });

/** POST /api/workshop/packs/:id/restore: a new version equal to this older one. */
export const workshopRestoreSchema = z.strictObject({ version });

/** PUT /api/packs/:id/shared (exists since issue 13). */
export const workshopShareSchema = z.strictObject({ shared: z.boolean() });

const lang = z.enum(['ko', 'en']);
/** Query of POST /api/workshop/import/preview. */
export const workshopPreviewQuerySchema = z.object({
  lang: lang.default('en'),
  title: z.string().max(120).optional(),
});
/** Query of GET /api/workshop/packs/:id/export. */
export const workshopExportQuerySchema = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: lang.default('en'),
});

export type WorkshopPackSource = 'builtin' | 'mine' | 'shared';

/** One pack in the workshop's list (GET /api/workshop/packs). */
export interface WorkshopPackSummary {
  id: string;
  title: string;
  description: string;
  language: Lang;
  /** builtin: shipped (copy it to edit); mine: the caller's own; shared: another teacher's, shared on this server. */
  source: WorkshopPackSource;
  shared: boolean;
  /** 1 for built-in packs. */
  version: number;
  /** Epoch ms of the latest version (0 for built-in packs). */
  updatedAt: number;
  questionCount: number;
  cardCount: number;
  scenarioCount: number;
  roundCount: number;
}

/** A located problem: `questions[12].options[3].text`, and what is wrong, in the request's language. */
export interface WorkshopIssue {
  path: string;
  message: string;
}

/** Every error reply: `issues` with pack/invalid, `limit` with pack/limit, `latest` with pack/conflict. */
export interface WorkshopErrorReply {
  ok: false;
  error: { code: string; message: string };
  issues?: WorkshopIssue[];
  limit?: number;
  latest?: number;
}

export interface WorkshopMeReply {
  ok: true;
  /** This host key may use the workshop (admitted, or no password is set). */
  teacher: boolean;
  /** The operator set HOSTRUSH_TEACHER_PASSWORD: POST /api/workshop/login first. */
  loginRequired: boolean;
}
export interface WorkshopListReply {
  ok: true;
  packs: WorkshopPackSummary[];
}
/** GET /api/workshop/packs/:id: the owner's whole pack, answers included. */
export interface WorkshopPackReply {
  ok: true;
  pack: GamePack;
  version: number;
  source: WorkshopPackSource;
  shared: boolean;
  updatedAt: number;
}
export interface WorkshopCreatedReply {
  ok: true;
  id: string;
  version: number;
}
export interface WorkshopSavedReply {
  ok: true;
  version: number;
}
export interface WorkshopVersionInfo {
  version: number;
  savedAt: number;
  title: string;
  questionCount: number;
}
export interface WorkshopVersionsReply {
  ok: true;
  versions: WorkshopVersionInfo[];
}
export interface WorkshopDeletedReply {
  ok: true;
  /** Epoch ms until which POST .../undelete brings it back. */
  undoUntil: number;
}
/** A row the import did not take, with why (in the request's language). Row numbers are the file's (1-based). */
export interface WorkshopSkippedRow {
  row: number;
  reason: string;
}
export interface WorkshopPreviewReply {
  ok: true;
  /** What was read, not saved: the client POSTs it to /api/workshop/packs to keep it. */
  pack: GamePack;
  /** Questions read. */
  read: number;
  skipped: WorkshopSkippedRow[];
  /** Rows with nothing in them (skipped without a reason). */
  emptyRows: number;
  /** Things read and set aside, e.g. an image link column (images are not imported). */
  notes: string[];
}
/** One question an .xlsx export left out (Kahoot!'s layout holds single, multiple select and true/false only). */
export interface WorkshopLeftOut {
  questionId: string;
  reason: string;
}
