// Solo runs: a board's leaderboard, and the check of a submitted run's log (replayed, and the run this server
// played, action for action).
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { configFromPack } from '../../shared/content/config.js';
import { LIMITS, soloVerifySchema } from '../../shared/protocol/index.js';
import { DAILY_CHALLENGE, NOBODY } from '../rooms/packs.js';
import { sameAsPlayed, verifySoloRun } from '../rooms/solo-verify.js';
import { allowed, findPack, type ApiDeps } from './api-context.js';
import { parse, sendError } from './replies.js';

export function soloRoutes(router: Router, deps: ApiDeps): void {
  const { storage, metrics } = deps;
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
    if (await allowed(deps, 'verify', req, res)) next();
  };
  const json = express.json({ limit: LIMITS.httpBodyBytes, strict: true });
  router.post('/solo/verify', verifier, json, async (req, res) => {
    const body = parse(soloVerifySchema, req, res, metrics);
    if (!body) return;
    const score = await verifiedScore(deps, body, res);
    if (score !== null) res.json({ ok: true, verified: true, score });
  });
}

/** The score of the run a submitted log claims, or null once a 404, 503 or 422 solo/forged has been sent. */
async function verifiedScore(
  deps: ApiDeps,
  body: z.output<typeof soloVerifySchema>,
  res: Response,
): Promise<number | null> {
  const forged = (reason: string): null => {
    sendError(res, deps.metrics, 'solo/forged', reason);
    return null;
  };
  // As a solo run: built-in and shared packs only; a daily pool only as a day's draw (packs.ts isDailyPool).
  const entry = await findPack(deps, body.packId, body.packId.startsWith('daily-') ? DAILY_CHALLENGE : NOBODY, res);
  if (!entry) return null;
  const config = configFromPack(entry.pack, {
    mode: 'solo',
    ...(body.questionTimeS !== undefined ? { questionTimeS: body.questionTimeS } : {}),
    ...(body.packId.startsWith('daily-') ? { dailySeed: body.seed } : {}),
  });
  const verdict = verifySoloRun(config, body.seed, body.actions, {
    packId: body.packId,
    now: deps.clock(),
    ...(body.claimedScore !== undefined ? { claimedScore: body.claimedScore } : {}),
  });
  if (!verdict.ok) return forged(verdict.reason);
  // A log that replays is not enough: its times must be the server's own. Only a run this server played and
  // stored (under the podium's gameId), action for action, is verified (issue 13).
  if (body.gameId === undefined)
    return forged('the log names no run this server played: send the gameId of the run (its podium has it)');
  const played = await deps.storage.getGame(body.gameId);
  if (!played || played.mode !== 'solo' || played.seed !== body.seed || played.packId !== body.packId)
    return forged('this server played no solo run with this gameId, seed and pack');
  const differs = sameAsPlayed(body.actions, played.actions);
  if (differs !== null) return forged(differs);
  // Scored with the run's own config (its question time), whatever the body says.
  const own = played.config
    ? verifySoloRun(played.config, body.seed, played.actions, { packId: body.packId, now: deps.clock() })
    : verdict;
  if (!own.ok) return forged(own.reason);
  if (body.claimedScore !== undefined && body.claimedScore !== own.score)
    return forged(`replay result differs: claimed ${body.claimedScore}, replayed ${own.score}`);
  return own.score;
}
