// The HTTP API: packs, rooms, games and reports, the solo leaderboard and run verification.
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { configFromPack } from '../../shared/content/config.js';
import { importKahootCsv } from '../../shared/content/csv-import.js';
import { exportPack, parsePackJson } from '../../shared/content/pack-io.js';
import { previewPack } from '../../shared/content/preview.js';
import { LIMITS, roomCreateSchema, soloVerifySchema } from '../../shared/protocol/index.js';
import { replay } from '../../shared/engine/index.js';
import { buildReport, reportCsv } from '../reports/index.js';
import type { Storage } from '../storage/types.js';
import type { Metrics } from '../metrics.js';
import type { AddressLimiter } from '../security/rate-limit.js';
import { tokenMatches } from '../security/tokens.js';
import type { RoomManager } from '../rooms/manager.js';
import { DAILY_CHALLENGE, mayExport, mayManage, NOBODY, type PackEntry, type PackViewer } from '../rooms/packs.js';
import { roomInfo } from '../rooms/sockets.js';
import { sameAsPlayed, verifySoloRun } from '../rooms/solo-verify.js';
import { joinOrigins } from './join-origins.js';
import { hostKeyHash, packLimit, parse, sendError } from './replies.js';
import { teacherOf, workshopRouter, type WorkshopDeps } from './workshop.js';
import type { Logger } from '../log.js';

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

export { hostKeyHash, packLimit, parse, sendError };

/** A share request's body. */
const shareSchema = z.strictObject({ shared: z.boolean() });

export function apiRouter(deps: ApiDeps): Router {
  const { manager, storage, metrics } = deps;
  /** Who asks: its host key (x-host-key), and whether it sent the operator's key (x-operator-key). */
  const viewerOf = (req: Request): PackViewer => {
    const operatorKey = req.get('x-operator-key');
    const operator = Boolean(deps.operatorKeyHash && operatorKey && tokenMatches(operatorKey, deps.operatorKeyHash));
    return { hostKeyHash: hostKeyHash(req), ...(operator ? { operator } : {}) };
  };
  /** Spends a point of the client address's budget; false once a 429 rate/limited was sent (nothing changed). */
  const allowed = async (
    kind: 'rooms' | 'imports' | 'verify' | 'logins' | 'edits',
    req: Request,
    res: Response,
  ): Promise<boolean> => {
    const message = (await deps.limits?.[kind]?.refusal(req.ip ?? 'unknown')) ?? null;
    if (message !== null) sendError(res, metrics, 'rate/limited', message);
    return message === null;
  };
  const router = express.Router();
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  // Pack import reads the raw text so that a JSON syntax error is located by the pack parser.
  const raw = express.text({ type: ['application/json', 'text/csv', 'text/plain'], limit: LIMITS.httpBodyBytes });

  // Imported packs are in storage (server/rooms/packs.ts): a failing database answers 503, never a crash.
  const storageFailed = (res: Response, what: string, error: unknown) => {
    deps.log?.error({ err: error }, `packs: could not ${what}`);
    sendError(res, metrics, 'storage/failed', 'The packs are kept in the database, which failed just now; try again.');
  };
  /**
   * The pack `viewer` may use, or null once a 404 or 503 has been sent (the rooms' own lookup: the same errors as a
   * socket gets; someone else's private pack is as unknown as a missing one).
   */
  const findPack = async (id: string, viewer: PackViewer, res: Response): Promise<PackEntry | null> => {
    const found = await manager.findPack(id, viewer);
    if (found.ok) return found.entry;
    sendError(res, metrics, found.error.code, found.error.message);
    return null;
  };

  router.get('/join-origins', (_req, res) => {
    res.json(joinOrigins(deps.publicUrl ?? null, deps.listening?.() ?? null));
  });
  // The answer key (docs/SECURITY.md): the list shows built-in packs, shared ones and the asker's own; a pack reads
  // as a preview without answers or explanations; only its owner (or an operator) exports an imported pack whole,
  // only the operator a built-in one (its answers are the daily challenge's), and the daily pools are the operator's
  // in any form (packs.ts mayExport, isDailyPool).
  router.get('/packs', async (req, res) => {
    try {
      res.json(await manager.packs.list(viewerOf(req)));
    } catch (error) {
      storageFailed(res, 'list the packs', error);
    }
  });
  router.get('/packs/:id', async (req, res) => {
    const entry = await findPack(req.params.id, viewerOf(req), res);
    if (entry) res.json(previewPack(entry.pack));
  });
  router.get('/packs/:id/export', async (req, res) => {
    const viewer = viewerOf(req);
    const entry = await findPack(req.params.id, viewer, res);
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
  router.put('/packs/:id/shared', json, async (req, res) => {
    const viewer = viewerOf(req);
    const body = parse(shareSchema, req, res, metrics);
    if (!body) return;
    const entry = await findPack(req.params.id, viewer, res);
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
      return storageFailed(res, 'share the pack', error);
    }
    res.json({ ok: true, id: entry.pack.meta.id, shared: body.shared });
  });
  // An import belongs to the host key that sends it. The per-address budget is charged before the body is read or
  // validated: a flood of large invalid packs costs as much as valid ones (docs/SECURITY.md, "Invalid imports").
  const workshop: WorkshopDeps = {
    manager,
    storage,
    metrics,
    clock: deps.clock,
    ...(deps.log ? { log: deps.log } : {}),
    teacherPasswordHash: deps.teacherPasswordHash ?? null,
    viewerOf,
    allowed,
  };
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
      return storageFailed(res, 'check a teacher', error);
    }
    if (!(await allowed('imports', req, res))) return;
    next();
  };
  router.use('/workshop', workshopRouter(workshop));
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
      return storageFailed(res, 'store the pack', error);
    }
    if (pack === 'limit') return packLimit(res, metrics);
    res.status(201).json({ ok: true, pack });
  });

  router.post('/rooms', json, async (req, res) => {
    const body = parse(roomCreateSchema, req, res, metrics);
    if (!body || !(await allowed('rooms', req, res))) return;
    const created = await manager.createRoom(body);
    if (!created.ok) return sendError(res, metrics, created.error.code, created.error.message);
    res.status(201).json({ ok: true, ...roomInfo(created.room), hostToken: created.hostToken });
  });

  router.get('/games', async (req, res) => {
    const hash = hostKeyHash(req);
    if (!hash) return sendError(res, metrics, 'auth/token', 'Send your host key in the x-host-key header.');
    res.json({ ok: true, games: await storage.listGames(hash, 100) });
  });
  const ownGame = async (req: Request, res: Response) => {
    const hash = hostKeyHash(req);
    if (!hash) {
      sendError(res, metrics, 'auth/token', 'Send your host key in the x-host-key header.');
      return null;
    }
    const game = await storage.getGame(String(req.params.id).slice(0, 200));
    // Someone else's game is as unknown as a missing one.
    if (!game || game.hostKeyHash !== hash) {
      sendError(res, metrics, 'game/unknown', 'No such game for this host key.');
      return null;
    }
    return game;
  };
  router.get('/games/:id/report', async (req, res) => {
    const game = await ownGame(req, res);
    if (game) res.json({ ok: true, report: buildReport(game) });
  });
  router.get('/games/:id/report.csv', async (req, res) => {
    const game = await ownGame(req, res);
    if (!game) return;
    const lang = req.query.lang === 'ko' ? 'ko' : 'en';
    res.attachment(`hostrush-${game.gameId}.csv`).type('text/csv; charset=utf-8').send(reportCsv(game, lang));
  });

  // The report's step-by-step replay: the engine re-runs `actions` from `seed` with `config`. The host's own games
  // only.
  router.get('/games/:id/replay', async (req, res) => {
    const game = await ownGame(req, res);
    if (!game) return;
    let config = game.config;
    if (!config) {
      // Stored before the games kept their config: the room's record, if it is still the same room.
      const loaded = await storage.loadRoom(game.roomCode);
      if (loaded && `${loaded.room.code}-${loaded.room.createdAt}` === game.gameId) config = loaded.room.config;
    }
    if (!config) return sendError(res, metrics, 'game/unknown', 'This game was stored without what a replay needs.');
    // The questions this game opened, not its pack's whole answer key: a host who opened a room and ended it at once
    // would otherwise read every answer of a built-in pack (which only the operator exports; docs/SECURITY.md, "The
    // answer key"). The replay opens the same questions, so it needs no other.
    const opened = new Set(
      replay(config, game.seed, game.actions).events.flatMap((e) =>
        e.type === 'question-opened' ? [e.questionId] : [],
      ),
    );
    config = {
      ...config,
      content: { ...config.content, questions: config.content.questions.filter((q) => opened.has(q.id)) },
    };
    res.json({ ok: true, gameId: game.gameId, config, seed: game.seed, actions: game.actions });
  });

  router.get('/solo/leaderboard', async (req, res) => {
    const board = typeof req.query.board === 'string' ? req.query.board : '';
    if (!/^(daily-\d{4}-\d{2}-\d{2}|pack-[A-Za-z0-9_.-]{1,64})$/.test(board)) {
      return sendError(res, metrics, 'input/invalid', 'board is daily-YYYY-MM-DD or pack-<id>.');
    }
    const runs = await storage.soloLeaderboard(board, 50);
    // Equal scores share a rank (1, 1, 3): a run is never ranked above another that scored as much. Within a tie the
    // storage lists the run that finished first first (created_at, then run id).
    let rank = 0;
    res.json({
      ok: true,
      board,
      entries: runs.map((r, i) => {
        if (i === 0 || r.score !== runs[i - 1]!.score) rank = i + 1;
        return { rank, playerName: r.playerName, score: r.score, createdAt: r.createdAt };
      }),
    });
  });

  // Replaying a log is work too: budgeted per address before the body is read, whatever the verdict.
  const verifier = async (req: Request, res: Response, next: NextFunction) => {
    if (await allowed('verify', req, res)) next();
  };
  router.post('/solo/verify', verifier, json, async (req, res) => {
    const body = parse(soloVerifySchema, req, res, metrics);
    if (!body) return;
    // As a solo run: built-in and shared packs only; a daily pool only as a day's draw (packs.ts isDailyPool).
    const entry = await findPack(body.packId, body.packId.startsWith('daily-') ? DAILY_CHALLENGE : NOBODY, res);
    if (!entry) return;
    const pack = entry.pack;
    const config = configFromPack(pack, {
      mode: 'solo',
      ...(body.questionTimeS !== undefined ? { questionTimeS: body.questionTimeS } : {}),
      ...(body.packId.startsWith('daily-') ? { dailySeed: body.seed } : {}),
    });
    const verdict = verifySoloRun(config, body.seed, body.actions, {
      packId: body.packId,
      now: deps.clock(),
      ...(body.claimedScore !== undefined ? { claimedScore: body.claimedScore } : {}),
    });
    if (!verdict.ok) return sendError(res, metrics, 'solo/forged', verdict.reason);
    // A log that replays is not enough: its times must be the server's own. Only a run this server played and
    // stored (under the podium's gameId), action for action, is verified (issue 13).
    if (body.gameId === undefined) {
      return sendError(
        res,
        metrics,
        'solo/forged',
        'the log names no run this server played: send the gameId of the run (its podium has it)',
      );
    }
    const played = await storage.getGame(body.gameId);
    if (!played || played.mode !== 'solo' || played.seed !== body.seed || played.packId !== body.packId) {
      return sendError(res, metrics, 'solo/forged', 'this server played no solo run with this gameId, seed and pack');
    }
    const differs = sameAsPlayed(body.actions, played.actions);
    if (differs !== null) return sendError(res, metrics, 'solo/forged', differs);
    // Scored with the run's own config (its question time), whatever the body says.
    const own = played.config
      ? verifySoloRun(played.config, body.seed, played.actions, { packId: body.packId, now: deps.clock() })
      : verdict;
    if (!own.ok) return sendError(res, metrics, 'solo/forged', own.reason);
    if (body.claimedScore !== undefined && body.claimedScore !== own.score) {
      return sendError(
        res,
        metrics,
        'solo/forged',
        `replay result differs: claimed ${body.claimedScore}, replayed ${own.score}`,
      );
    }
    res.json({ ok: true, verified: true, score: own.score });
  });

  router.use((_req, res) => sendError(res, metrics, 'input/invalid', 'No such API route.', {}));
  return router;
}

/** Turns body-parser failures (bad JSON, too large) and anything thrown into a JSON error; never a crash. */
export function errorHandler(metrics: Metrics) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const type = (error as { type?: unknown }).type;
    if (res.headersSent) return;
    if (type === 'entity.too.large') return sendError(res, metrics, 'input/too-large', 'The body is too large.');
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, metrics, 'input/invalid', 'The body is not valid JSON.');
    }
    // Any other client error Express or its parsers raise (a malformed %-escape in the path, a body that does not
    // inflate) is the request's fault, not the server's.
    const status = Number(
      (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode,
    );
    if (status >= 400 && status < 500) {
      const message = error instanceof URIError ? 'The URL has a malformed %-escape.' : 'The request is malformed.';
      return sendError(res, metrics, 'input/invalid', message);
    }
    sendError(res, metrics, 'server/error', 'Something went wrong on the server.');
  };
}
