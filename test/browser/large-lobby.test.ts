// A large room on the projector (issue 17): its lobby shows the count, the latest joiners and a search for the host's
// "remove", not one chip per player. 300 real socket.io-client players join; the host finds one by name and removes
// it; the projector stays readable (24 px from the back of the room) and accessible, in English and Korean.
// LOBBY_PLAYERS=4100 (an env var, off by default: about 2 min) seats that many instead, plays the first question
// with every player answering and shoots the lobby and the leaderboard to docs/screenshots/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PlayerJoined, Reply, ServerToClientEvents } from '../../shared/protocol/index.js';
import type { GameView } from '../../shared/engine/types.js';
import { browserTest, expectAccessible, newPage, shot, SCREENSHOTS, type Harness } from './support.js';
import { WAIT, createGame, hostControl, importPack, setLang } from './play-helpers.js';
import { browserTestPack } from './fixtures.js';
import type { GamePack } from '../../shared/content/pack.js';
import { expectProjectorReadable } from './readability.js';

type Player = Socket<ServerToClientEvents, ClientToServerEvents> & { view?: GameView; kicked?: boolean };

const N = Math.max(100, Number(process.env.LOBBY_PLAYERS ?? 300) || 300);
const LARGE = N > 1000;
const DOCS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

const PACK_TITLE = 'Large room pack';

/** A single-choice question alone in the first round (so its close leads to the leaderboard), then the others. */
function largeRoomPack(): GamePack {
  const base = browserTestPack();
  const first = base.questions.find((q) => q.type === 'single')!;
  const rest = base.questions.filter((q) => q !== first).map((q) => q.id);
  return {
    ...base,
    meta: { ...base.meta, id: 'large-room-en', title: PACK_TITLE, description: 'A question, then the board.' },
    rounds: [
      { kind: 'quiz', questionIds: [first.id] },
      { kind: 'quiz', questionIds: rest },
    ],
  };
}

/** Player `i`'s name: "Student 0001" .. (zero-padded, so a search for one number finds a known set). */
const nameOf = (i: number) => `Student ${String(i).padStart(4, '0')}`;

/** Connects and seats `n` players, 100 at a time (as a class arriving, but faster). */
async function seat(h: Harness, code: string, n: number): Promise<Player[]> {
  const players: Player[] = [];
  for (let first = 1; first <= n; first += 100) {
    const batch = Array.from({ length: Math.min(100, n - first + 1) }, async (_, k) => {
      const p: Player = io(h.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      p.on('room:view', (v) => void (p.view = v));
      p.on('session:closed', (c) => void (p.kicked = c.code === 'kicked'));
      p.on('time:ping', (ping, ack) => ack({ t: ping.t }));
      const joined = (await p
        .timeout(LARGE ? 120_000 : 30_000)
        .emitWithAck('player:join', { roomCode: code, name: nameOf(first + k) })) as Reply<PlayerJoined>;
      if (!joined.ok) throw new Error(`join ${first + k}: ${joined.error.code}`);
      p.view = joined.view;
      players[first + k - 1] = p;
    });
    await Promise.all(batch);
  }
  return players;
}

async function expectCount(host: Page, n: number): Promise<void> {
  await expect
    .poll(async () => (await host.locator('lobby-roster [data-testid="player-count"]').textContent())?.trim(), WAIT)
    .toBe(n.toLocaleString('en-US'));
}

describe(`the projector's lobby with ${N} players`, () => {
  browserTest(
    `${N} players: the count, the latest joiners, a search that removes one`,
    { timeout: LARGE ? 600_000 : 90_000, failShot: 'large-lobby-fail' },
    async (h, pages) => {
      const { page: host } = await newPage(h, 'projector', 'en');
      pages.push(host);
      await importPack(h.url, largeRoomPack());
      const code = await createGame(host, { packTitle: PACK_TITLE, questionTimeS: 60 });
      const players = await seat(h, code, N);
      await expectCount(host, N);
      // Not one chip per player: the latest 12, newest first.
      const latest = host.locator('lobby-roster [data-testid="latest-players"] li');
      await expect.poll(() => latest.count(), WAIT).toBe(12);
      await expect.poll(() => latest.first().getAttribute('data-player'), WAIT).toBe(nameOf(N));
      expect(await host.locator('lobby-roster li').count()).toBe(12);
      await expectProjectorReadable(host, 'large lobby (en)');
      await expectAccessible(host, 'large lobby (en)');
      await shot(host, 'large-lobby-en');

      // The host finds one student by part of the name and removes it: the count drops, its device is told.
      const find = host.locator('lobby-roster [data-testid="find-player"]');
      await find.fill('student 01');
      const found = host.locator('lobby-roster [data-testid="found-players"] li');
      await expect.poll(() => found.count(), WAIT).toBe(12);
      await expect(host.locator('lobby-roster [role="status"]').textContent(WAIT)).resolves.toContain(
        'First 12 of 100',
      );
      await find.fill('Student 0027');
      await expect.poll(() => found.count(), WAIT).toBe(1);
      await found.first().getByRole('button', { name: 'Remove Student 0027' }).click();
      await expectCount(host, N - 1);
      await expect.poll(() => players[26]!.kicked, WAIT).toBe(true);
      await find.fill('Student 0027');
      await expect.poll(() => host.locator('lobby-roster [role="status"]').textContent(), WAIT).toContain('No player');
      await find.fill('');

      await setLang(host, 'ko');
      await expect(host.getByText('참가자 찾기').isVisible()).resolves.toBe(true);
      await expectProjectorReadable(host, 'large lobby (ko)');
      await shot(host, 'large-lobby-ko');
      await setLang(host, 'en');
      if (LARGE)
        await playFirstQuestion(
          host,
          players.filter((p) => !p.kicked),
        );
      for (const p of players) p.disconnect();
    },
  );
});

/** Every player answers the first question (single choice), which then closes; the host shows the leaderboard. */
async function playFirstQuestion(host: Page, players: Player[]): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(join(SCREENSHOTS, 'large-lobby-en.png'), join(DOCS, `lobby-${N}-players.png`));
  await hostControl(host, 'Start game');
  await expect.poll(() => players.every((p) => p.view?.phase === 'question'), { timeout: 60_000 }).toBe(true);
  await Promise.all(
    players.map((p, i) => {
      const q = p.view!.question!.question;
      // Spread over 2 s, as a class answers; a third right, the rest spread over the other options.
      return new Promise((resolve) => setTimeout(resolve, Math.random() * 2000)).then(() =>
        p.timeout(LARGE ? 120_000 : 30_000).emitWithAck('player:answer', {
          questionId: q.id,
          answer: { type: 'single', choice: i % (q.options?.length ?? 1) },
        }),
      );
    }),
  );
  // Everyone answered: the question closes by itself.
  await host.locator('host-view [data-phase="reveal"]').waitFor({ timeout: 60_000 });
  await shot(host, `large-reveal-${N}`);
  await hostControl(host, 'Next');
  await host.locator('host-view [data-phase="leaderboard"]').waitFor({ timeout: 60_000 });
  await expectProjectorReadable(host, 'large leaderboard');
  await shot(host, `large-leaderboard-${N}`);
  copyFileSync(join(SCREENSHOTS, `large-leaderboard-${N}.png`), join(DOCS, `leaderboard-${N}-players.png`));
}
