// Crash and restart with real processes: the built server (dist/server/main.js, as npm start runs it) on a temp
// SQLite file, a host and three players on real socket.io-client connections, `kill -9` mid-question, a restart on
// the same port and database. The room comes back with every score; the clients reconnect by themselves and resume with
// their tokens
// (as client/src/session does in the browser); then the game is finished and its stored report checked.
// Also: a corrupt or unusable database file at start gets a clear message and exit code 1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFinishedGame } from '../../server/storage/sample.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import type { GameView } from '../../shared/engine/index.js';
import type { Podium, YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, TestClient } from '../server/harness.js';
import { playToEnd, type Seat } from '../server/play.js';
import { serverArgs } from '../built-server.js';
import { serverEnv, spawnChild, waitUntil, withTimeout, type Child } from './support.js';

const PACK = 'warmup-en';

const children: Child[] = [];
const dirs: string[] = [];
const sockets: TestClient[] = [];

afterAll(() => {
  for (const c of sockets) c.socket.disconnect();
  for (const child of children) child.kill9();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostrush-rel-'));
  dirs.push(dir);
  return dir;
}

/**
 * Starts the built server in `cwd` (so its default SQLite file is `cwd/data/hostrush.db`; main.ts has no
 * variable for the path) and waits for it to serve. Port 0 the first time: main.ts prints the port it got.
 */
async function startServer(
  cwd: string,
  port = 0,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: Child; port: number; url: string }> {
  const child = spawnChild(process.execPath, serverArgs(), { cwd, env: { ...serverEnv(port), ...env } });
  children.push(child);
  const exited = child.exited.then(({ code, signal }) => {
    throw new Error(`the server exited (${code ?? signal}) before serving:\n${child.stderr}`);
  });
  const actual = await Promise.race([
    waitUntil(
      'the server to print its port',
      () => Number(child.stdout.match(/serving on http:\/\/localhost:(\d+)/)?.[1] ?? 0) || undefined,
      { timeoutMs: 30_000 },
    ),
    exited,
  ]);
  const url = `http://127.0.0.1:${actual}`;
  await waitUntil('GET /healthz', async () => (await fetch(`${url}/healthz`)).status === 200, { timeoutMs: 15_000 });
  return { child, port: actual, url };
}

async function crash(child: Child): Promise<void> {
  child.kill9();
  const { signal } = await withTimeout(child.exited, 10_000, 'the killed server to exit');
  expect(signal).toBe('SIGKILL');
}

/** A client that reconnects by itself and, once reconnected, resumes its seat the way the browser client does. */
class Device {
  readonly client: TestClient;
  resume: (() => Promise<unknown>) | null = null;
  resumes = 0;
  private lastResume: Promise<Record<string, unknown>> | null = null;

  constructor(url: string) {
    this.client = new TestClient(
      connect(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 50,
        reconnectionDelayMax: 250,
        randomizationFactor: 0,
      }),
    );
    sockets.push(this.client);
    this.client.socket.io.on('reconnect', () => {
      if (!this.resume) return;
      this.resumes++;
      this.lastResume = this.resume() as Promise<Record<string, unknown>>;
    });
  }

  /** The reply of the resume that followed the reconnection number `n`. */
  async resumed(n: number): Promise<Record<string, unknown>> {
    await waitUntil(`reconnection ${n}`, () => this.resumes >= n && this.lastResume !== null, { timeoutMs: 20_000 });
    return expectOk((await this.lastResume!) as never);
  }
}

/** The stored log of a room, read from the SQLite file beside the running server (WAL: readers do not block). */
async function storedActions(dbPath: string, code: string) {
  const storage = openSqliteStorage(dbPath);
  try {
    return (await storage.loadRoom(code))?.actions ?? [];
  } finally {
    await storage.close();
  }
}

describe('crash and restart (real processes)', () => {
  it(
    'kill -9 mid-question, twice: the room comes back with every score, ' +
      'clients rejoin by themselves, the game finishes and is stored',
    async () => {
      const cwd = tempDir();
      const dbPath = join(cwd, 'data/hostrush.db');
      let server = await startServer(cwd);
      const port = server.port;

      const host = new Device(server.url);
      await withTimeout(host.client.connected(), 10_000, 'the host to connect');
      const created = expectOk(
        await host.client.call('room:create', { packId: PACK, options: { questionTimeS: 300 } }),
      );
      const code = created.roomCode as string;
      const hostToken = created.hostToken as string;
      host.resume = () => host.client.call('host:resume', { roomCode: code, hostToken });
      const players: Array<{ device: Device; playerId: string; token: string }> = [];
      for (const name of ['Ada', 'Bo', 'Cy']) {
        const device = new Device(server.url);
        await withTimeout(device.client.connected(), 10_000, 'a player to connect');
        const joined = expectOk(await device.client.call('player:join', { roomCode: code, name }));
        const token = joined.resumeToken as string;
        device.resume = () => device.client.call('player:resume', { roomCode: code, resumeToken: token });
        players.push({ device, playerId: joined.playerId as string, token });
      }
      const [ada, bo, cy] = players as [(typeof players)[0], (typeof players)[0], (typeof players)[0]];
      const openView = (version: number) =>
        withTimeout(
          host.client.waitFor(
            'host:view',
            (v) => v.version >= version && v.phase === 'question' && !v.question?.closed,
          ),
          10_000,
          'a question to open',
        );

      // Question 1: Ada and Cy right, Bo wrong; everyone answered, so it closes and scores.
      let view = await openView(
        expectOk(await host.client.call('host:control', { command: 'start' })).version as number,
      );
      const q1 = view.question!.question;
      for (const [p, right] of [
        [ada, true],
        [bo, false],
        [cy, true],
      ] as const) {
        expectOk(
          await p.device.client.call('player:answer', { questionId: q1.id, answer: answerFor(PACK, q1, right) }),
        );
      }
      await withTimeout(
        host.client.waitFor('host:view', (v) => v.question?.question.id === q1.id && v.question.closed),
        10_000,
        'q1 to close',
      );
      // Question 2 open; Ada answers it (right), then the crash.
      view = await openView(expectOk(await host.client.call('host:control', { command: 'next' })).version as number);
      const q2 = view.question!.question;
      const adaQ2 = expectOk(
        await ada.device.client.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, true) }),
      );
      const scores = new Map<string, number>();
      for (const p of players)
        scores.set(p.playerId, (expectOk(await p.device.client.call('game:sync', {})).you as YouMessage).score);
      expect(scores.get(ada.playerId)).toBeGreaterThan(0);
      expect(scores.get(bo.playerId)).toBe(0);
      // Accepted actions reach the database a moment after their ack (batched): kill once Ada's answer is there.
      await waitUntil("Ada's answer in the database", async () =>
        (await storedActions(dbPath, code)).some(
          (a) =>
            a.type === 'answer' &&
            a.actor.role === 'player' &&
            a.actor.playerId === ada.playerId &&
            a.questionId === q2.id,
        ),
      );

      const checkBack = async (n: number, answered: string[]) => {
        const back = (await host.resumed(n)) as { view: GameView };
        expect(back.view.phase).toBe('question');
        expect(back.view.question?.question.id).toBe(q2.id);
        expect(back.view.question?.closed).toBe(false);
        for (const p of players) {
          const session = (await p.device.resumed(n)) as { playerId: string; you: YouMessage };
          expect(session.playerId).toBe(p.playerId);
          expect(session.you.score).toBe(scores.get(p.playerId));
          expect(session.you.answer !== null).toBe(answered.includes(p.playerId));
        }
      };

      await crash(server.child);
      server = await startServer(cwd, port);
      await checkBack(1, [ada.playerId]);

      // Again: Bo answers, crash, restart.
      expectOk(await bo.device.client.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, true) }));
      await waitUntil("Bo's answer in the database", async () =>
        (await storedActions(dbPath, code)).some(
          (a) =>
            a.type === 'answer' &&
            a.actor.role === 'player' &&
            a.actor.playerId === bo.playerId &&
            a.questionId === q2.id,
        ),
      );
      await crash(server.child);
      server = await startServer(cwd, port);
      await checkBack(2, [ada.playerId, bo.playerId]);
      // Ada's phone retries its answer after the restarts: the same reply as the first time, no second scoring.
      const again = await ada.device.client.call('player:answer', {
        questionId: q2.id,
        answer: answerFor(PACK, q2, false),
      });
      expect(again).toMatchObject({ ok: true, version: adaQ2.version });

      // Finish: Cy answers the open question, then the game is played to the podium.
      expectOk(await cy.device.client.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, false) }));
      await withTimeout(
        host.client.waitFor('host:view', (v) => v.question?.question.id === q2.id && v.question.closed),
        10_000,
        'q2 to close',
      );
      const seats: Seat[] = players.map((p, i) => ({ client: p.device.client, playerId: p.playerId, right: i !== 1 }));
      await playToEnd(host.client, seats, PACK);
      const podium: Podium = await withTimeout(host.client.waitFor('game:podium'), 20_000, 'the podium');
      expect(podium.standings.map((s) => s.playerId).sort()).toEqual(players.map((p) => p.playerId).sort());

      const res = await fetch(`${server.url}/api/games/${encodeURIComponent(podium.gameId)}/report`, {
        headers: { 'x-host-key': hostToken },
      });
      expect(res.status).toBe(200);
      const { report } = (await res.json()) as {
        report: { players: Array<{ playerId: string; score: number; answered: number }> };
      };
      for (const s of podium.standings) {
        const stored = report.players.find((p) => p.playerId === s.playerId);
        expect(stored?.score).toBe(s.score);
      }
      // Every player's answers to both crashed-over questions are in the stored report.
      expect(report.players.every((p) => p.answered >= 2)).toBe(true);
      await crash(server.child);
    },
    90_000,
  );

  it(
    'HOSTRUSH_DURABLE_ACKS=1, an ack means stored: kill -9 the moment three ' +
      'answers are acked, and all three come back',
    async () => {
      const cwd = tempDir();
      const dbPath = join(cwd, 'data/hostrush.db');
      let server = await startServer(cwd, 0, { HOSTRUSH_DURABLE_ACKS: '1' });
      const host = new Device(server.url);
      await withTimeout(host.client.connected(), 10_000, 'the host to connect');
      const created = expectOk(
        await host.client.call('room:create', { packId: PACK, options: { questionTimeS: 300 } }),
      );
      const code = created.roomCode as string;
      const players: Array<{ device: Device; playerId: string }> = [];
      // Four seated, three answer: the question stays open, so only the log can hold what they answered.
      for (const name of ['Ada', 'Bo', 'Cy', 'Di']) {
        const device = new Device(server.url);
        await withTimeout(device.client.connected(), 10_000, 'a player to connect');
        const joined = expectOk(await device.client.call('player:join', { roomCode: code, name }));
        const token = joined.resumeToken as string;
        device.resume = () => device.client.call('player:resume', { roomCode: code, resumeToken: token });
        players.push({ device, playerId: joined.playerId as string });
      }
      const started = expectOk(await host.client.call('host:control', { command: 'start' }));
      const view = await withTimeout(
        host.client.waitFor('host:view', (v) => v.version >= (started.version as number) && v.phase === 'question'),
        10_000,
        'the question to open',
      );
      const q = view.question!.question;
      const answering = players.slice(0, 3);
      const acks = await Promise.all(
        answering.map((p) =>
          p.device.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }),
        ),
      );
      // No waiting for the log's batch: the server is killed as soon as the acks are in.
      server.child.kill9();
      for (const ack of acks) expectOk(ack);
      await withTimeout(server.child.exited, 10_000, 'the killed server to exit');

      const stored = await storedActions(dbPath, code);
      for (const p of answering) {
        expect(
          stored.some(
            (a) =>
              a.type === 'answer' &&
              a.actor.role === 'player' &&
              a.actor.playerId === p.playerId &&
              a.questionId === q.id,
          ),
        ).toBe(true);
      }
      server = await startServer(cwd, server.port, { HOSTRUSH_DURABLE_ACKS: '1' });
      for (const p of players) {
        const back = (await p.device.resumed(1)) as { you: YouMessage };
        expect(back.you.answer !== null).toBe(answering.includes(p));
      }
      await crash(server.child);
    },
    60_000,
  );

  it('a corrupt database file at start: exit code 1 and a message naming the file and what to do', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data/hostrush.db'), Buffer.from('this is not a SQLite database, just junk '.repeat(200)));
    const child = spawnChild(process.execPath, serverArgs(), { cwd, env: serverEnv(0) });
    children.push(child);
    const { code } = await withTimeout(child.exited, 30_000, 'the server to give up');
    expect(code).toBe(1);
    expect(child.stderr).toMatch(/HostRush could not start/);
    expect(child.stderr).toContain(join(cwd, 'data/hostrush.db'));
    expect(child.stderr).toMatch(/corrupt|not a database/i);
    expect(child.stderr).toMatch(/move the file aside|backup/i);
    expect(child.stdout).not.toMatch(/serving on/);
  }, 40_000);

  it(
    'a missing database file is created; an unusable path (a file where its ' + 'folder should be) is a clear error',
    async () => {
      const fresh = tempDir();
      const server = await startServer(fresh);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await crash(server.child);

      const blocked = tempDir();
      writeFileSync(join(blocked, 'data'), 'a file, not a folder');
      const child = spawnChild(process.execPath, serverArgs(), { cwd: blocked, env: serverEnv(0) });
      children.push(child);
      const { code } = await withTimeout(child.exited, 30_000, 'the server to give up');
      expect(code).toBe(1);
      expect(child.stderr).toMatch(/HostRush could not start: storage: cannot open the SQLite database at/);
    },
    60_000,
  );

  // Data about minors: the real entry point applies RETENTION_DAYS (purge at start, then daily).
  it(
    'the server applies RETENTION_DAYS at start: a game finished 400 days ' + 'ago is purged, a recent one kept',
    async () => {
      const cwd = tempDir();
      const dbPath = join(cwd, 'data/hostrush.db');
      mkdirSync(join(cwd, 'data'));
      const seed = openSqliteStorage(dbPath);
      const old = sampleFinishedGame({ players: 3, questions: 2, finishedAt: Date.now() - 400 * 86_400_000 });
      const recent = {
        ...sampleFinishedGame({ players: 2, questions: 1, finishedAt: Date.now() - 86_400_000 }),
        gameId: 'recent-game',
      };
      await seed.saveFinishedGame(old);
      await seed.saveFinishedGame(recent);
      await seed.close();
      const child = spawnChild(process.execPath, serverArgs(), { cwd, env: { ...serverEnv(0), RETENTION_DAYS: '30' } });
      children.push(child);
      try {
        await waitUntil('the server to serve', () => /serving on/.test(child.stdout), { timeoutMs: 30_000 });
        await waitUntil('the old game to be purged', async () => (await storedGame(dbPath, old.gameId)) === null, {
          timeoutMs: 10_000,
        });
        expect(await storedGame(dbPath, recent.gameId)).not.toBeNull();
      } finally {
        child.kill9();
      }
    },
    45_000,
  );
});

async function storedGame(dbPath: string, gameId: string) {
  const storage = openSqliteStorage(dbPath);
  try {
    return await storage.getGame(gameId);
  } finally {
    await storage.close();
  }
}
