// A clean shutdown in multi-process mode, with real processes on the local Redis and PostgreSQL: the room's owner
// runs under `npm start` (as an operator starts it) and gets SIGTERM (as systemd or a container runtime sends it, to
// npm). Its room leases are long (20 s), so a second process can take the room over at once only if the owner
// released them on its way out; its own devices are told `shutdown`; it exits 0; the answer acked just before is
// there on the new owner. Needs REDIS_URL and DATABASE_URL (CI sets both); skipped, with a message, without them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameView } from '../../shared/engine/index.js';
import type { YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk } from '../server/harness.js';
import { ServerProcess, startProcess, within, dropClusterState } from './procs.js';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const enabled = Boolean(REDIS_URL && DATABASE_URL && /^postgres(ql)?:\/\//.test(DATABASE_URL));
if (!enabled) console.warn('test/cluster/shutdown skipped: set REDIS_URL and DATABASE_URL to run it (see .ci/run).');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK = 'warmup-en';
const LEASE_MS = 20_000;
const BOUND_MS = 5000;
const run = nanoid(8)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, 'x');
const SCHEMA = `stop_${run}`;
const PREFIX = `hostrush-stop-${run}`;

describe.skipIf(!enabled)("a clean shutdown of a room's owner (SIGTERM to npm start, several processes)", () => {
  const env = {
    REDIS_URL: REDIS_URL!,
    DATABASE_URL: DATABASE_URL!,
    HOSTRUSH_PG_SCHEMA: SCHEMA,
    HOSTRUSH_REDIS_PREFIX: PREFIX,
    HOSTRUSH_LEASE_MS: String(LEASE_MS),
    HOSTRUSH_SHUTDOWN_TIMEOUT_MS: String(BOUND_MS),
  };
  let A: ServerProcess;
  let B: ServerProcess;

  beforeAll(async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    A = new ServerProcess('A (npm start)', npm);
    B = startProcess('B', env);
    await Promise.all([A.ready(30_000), B.ready(30_000)]);
  }, 40_000);

  afterAll(async () => {
    await Promise.allSettled([A?.stop(), B?.stop()]);
    await dropClusterState(DATABASE_URL, SCHEMA, REDIS_URL, `${PREFIX}:`);
  }, 20_000);

  it(
    `takes the room over at once (lease ${LEASE_MS} ms), the owner's devices ` +
      `told shutdown, the acked answer kept, exit 0`,
    async () => {
      const host = await A.client();
      const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 300 } }));
      const code = created.roomCode as string;
      const player = await A.client();
      const joined = expectOk(await player.call('player:join', { roomCode: code, name: 'Ada' }));
      expectOk(await (await B.client()).call('player:join', { roomCode: code, name: 'Bo' }));
      expectOk(await host.call('host:control', { command: 'start' }));
      const q = (
        await within(
          host.waitFor('host:view', (v) => v.phase === 'question' && !!v.question),
          5000,
          'Q1',
        )
      ).question!.question;
      const closed = within(player.waitFor('session:closed'), BOUND_MS, "session:closed on the owner's player");
      expectOk(await player.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));

      const stoppedAt = Date.now();
      A.child.kill('SIGTERM');
      expect((await closed).code).toBe('shutdown');
      const exitCode = await within(A.exited, BOUND_MS + 2000, 'npm start to exit');
      expect(exitCode, A.output.join('')).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(BOUND_MS);

      // The host's device reconnects to B and resumes: B owns the room now, long before A's lease would expire.
      const hostAgain = await B.client();
      const resumed = expectOk(
        await within(
          hostAgain.call('host:resume', { roomCode: code, hostToken: created.hostToken }),
          5000,
          'host:resume on B',
        ),
      );
      const handoverMs = Date.now() - stoppedAt;
      console.log(
        `clean shutdown: the room was B's ${handoverMs} ms after SIGTERM to npm start (lease ${LEASE_MS} ms)`,
      );
      expect(handoverMs).toBeLessThan(5000);
      expect((resumed.view as GameView).question?.question.id).toBe(q.id);
      // The player's phone comes back on B with its token: same seat, its answer there.
      const phone = await B.client();
      const back = expectOk(
        await within(
          phone.call('player:resume', { roomCode: code, resumeToken: joined.resumeToken }),
          5000,
          'player:resume on B',
        ),
      );
      expect((back.you as YouMessage).playerId).toBe(joined.playerId);
      expect((back.you as YouMessage).answer).not.toBeNull();
    },
    60_000,
  );
});
