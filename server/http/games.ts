// A host's finished games: the list, each game's report (JSON and CSV) and its step-by-step replay. A game is its
// host key's only: someone else's is as unknown as a missing one.
import type { Request, Response, Router } from 'express';
import { replay, type GameConfig } from '../../shared/engine/index.js';
import { buildReport, reportCsv } from '../reports/index.js';
import type { FinishedGame } from '../storage/types.js';
import type { ApiDeps } from './api-context.js';
import { hostKeyHash, sendError } from './replies.js';

export function gameRoutes(router: Router, deps: ApiDeps): void {
  const { storage, metrics } = deps;
  router.get('/games', async (req, res) => {
    const hash = hostKeyHash(req);
    if (!hash) return sendError(res, metrics, 'auth/token', 'Send your host key in the x-host-key header.');
    res.json({ ok: true, games: await storage.listGames(hash, 100) });
  });
  router.get('/games/:id/report', async (req, res) => {
    const game = await ownGame(deps, req, res);
    if (game) res.json({ ok: true, report: buildReport(game) });
  });
  router.get('/games/:id/report.csv', async (req, res) => {
    const game = await ownGame(deps, req, res);
    if (!game) return;
    const lang = req.query.lang === 'ko' ? 'ko' : 'en';
    res.attachment(`hostrush-${game.gameId}.csv`).type('text/csv; charset=utf-8').send(reportCsv(game, lang));
  });
  // The report's step-by-step replay: the engine re-runs `actions` from `seed` with `config`.
  router.get('/games/:id/replay', async (req, res) => {
    const game = await ownGame(deps, req, res);
    if (!game) return;
    const config = game.config ?? (await configFromRoom(deps, game));
    if (!config) return sendError(res, metrics, 'game/unknown', 'This game was stored without what a replay needs.');
    res.json({
      ok: true,
      gameId: game.gameId,
      config: openedOnly(config, game),
      seed: game.seed,
      actions: game.actions,
    });
  });
}

/** The asker's game named in the URL, or null once a 401 or 404 has been sent. */
async function ownGame(deps: ApiDeps, req: Request, res: Response): Promise<FinishedGame | null> {
  const hash = hostKeyHash(req);
  if (!hash) {
    sendError(res, deps.metrics, 'auth/token', 'Send your host key in the x-host-key header.');
    return null;
  }
  const game = await deps.storage.getGame(String(req.params.id).slice(0, 200));
  // Someone else's game is as unknown as a missing one.
  if (!game || game.hostKeyHash !== hash) {
    sendError(res, deps.metrics, 'game/unknown', 'No such game for this host key.');
    return null;
  }
  return game;
}

/** A game stored before the games kept their config: the room's record, if it is still the same room. */
async function configFromRoom(deps: ApiDeps, game: FinishedGame): Promise<GameConfig | undefined> {
  const loaded = await deps.storage.loadRoom(game.roomCode);
  if (loaded && `${loaded.room.code}-${loaded.room.createdAt}` === game.gameId) return loaded.room.config;
  return undefined;
}

/**
 * The config with only the questions this game opened, not its pack's whole answer key: a host who opened a room and
 * ended it at once would otherwise read every answer of a built-in pack (which only the operator exports;
 * docs/SECURITY.md, "The answer key"). The replay opens the same questions, so it needs no other.
 */
function openedOnly(config: GameConfig, game: FinishedGame): GameConfig {
  const opened = new Set(
    replay(config, game.seed, game.actions).events.flatMap((e) => (e.type === 'question-opened' ? [e.questionId] : [])),
  );
  return {
    ...config,
    content: { ...config.content, questions: config.content.questions.filter((q) => opened.has(q.id)) },
  };
}
