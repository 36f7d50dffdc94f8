// Fair timing with simulated latency: two players, one 10 ms away and one 300 ms away (each way), both answer
// 2 s after they SAW the question and get the same points. Latency is simulated in the authority's (virtual)
// clock, which is deterministic: the server stamps every send and receive with the test's clock, and a message
// "travels" by the test moving that clock forward by the link's one-way delay before it is delivered. Nothing
// sleeps; each step waits for the real message or ack it depends on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerRecord, GameView } from '../../shared/engine/index.js';
import type { YouMessage } from '../../shared/protocol/index.js';
import { fairElapsedMs, RTT_CAP_MS } from '../../server/rooms/room.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

const PACK = 'warmup-en';
let now = 1_700_000_000_000;

/** A player behind a link with a fixed one-way delay, in the authority's clock. */
class LaggedPlayer {
  playerId = '';
  constructor(
    readonly client: TestClient,
    readonly oneWayMs: number,
  ) {}

  /**
   * Joins; the server pings the new seat at once (clock T). The ping reaches the player at T + d and the pong
   * the server at T + 2d: the clock is there when the pong is delivered.
   */
  async join(server: TestServer, roomCode: string, name: string): Promise<void> {
    const pinged = new Promise<{ t: number; ack: (pong: { t: number }) => void }>((resolve) =>
      this.client.socket.once('time:ping', (ping, ack) => resolve({ t: ping.t, ack })),
    );
    const joined = expectOk(await this.client.call('player:join', { roomCode, name }));
    this.playerId = joined.playerId as string;
    const ping = await pinged;
    now = Math.max(now, ping.t + 2 * this.oneWayMs);
    ping.ack({ t: ping.t });
    // A barrier on the same socket: the server has taken the pong (packets are handled in order) before the
    // clock moves again.
    expectOk(await this.client.call('game:sync', {}));
    void server;
  }

  /** Waits for the open question's view (sent at clock `sentAt`, which the test holds still until then). */
  async seeQuestion(version: number): Promise<GameView> {
    return this.client.waitFor(
      'room:view',
      (v) => v.version >= version && v.phase === 'question' && !v.question?.closed,
    );
  }

  /**
   * Answers `thinkMs` after SEEING a question the server sent at `sentAt`: seen at sentAt + d, answered at
   * sentAt + d + think, received by the server at sentAt + 2d + think.
   */
  async answerAfter(sentAt: number, thinkMs: number, view: GameView, report: boolean, claimMs = thinkMs) {
    now = Math.max(now, sentAt + 2 * this.oneWayMs + thinkMs);
    const q = view.question!.question;
    return this.client.call('player:answer', {
      questionId: q.id,
      answer: answerFor(PACK, q, true),
      ...(report ? { elapsedMs: claimMs } : {}),
    });
  }

  /** This player's record for a question once it closed (from its private message). */
  async closedRecord(questionId: string): Promise<AnswerRecord> {
    const you: YouMessage = await this.client.waitForYou(
      (y) =>
        y.answer !== null &&
        y.changes.some((c) => c.delta > 0) &&
        (this.client.view()?.question?.question.id ?? '') === questionId,
    );
    return you.answer!;
  }
}

describe('fair timing (server-measured, latency-corrected)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock: () => now });
  });
  afterAll(() => server.close());

  it('the window rule: a client time is believed only inside [since send - rtt, since send]', () => {
    expect(fairElapsedMs(2600, 600)).toBe(2000);
    expect(fairElapsedMs(2600, 600, 2000)).toBe(2000);
    expect(fairElapsedMs(2600, 600, 0)).toBe(2000); // claiming to be faster than the network allows
    expect(fairElapsedMs(2600, 600, 9000)).toBe(2600); // or slower than the server saw
    expect(fairElapsedMs(2600, 600, 2300)).toBe(2300);
    expect(fairElapsedMs(5000, 60_000)).toBe(5000 - RTT_CAP_MS); // a delayed pong buys at most the cap
    expect(fairElapsedMs(100, 600)).toBe(0);
  });

  it('a 10 ms and a 300 ms player answering 2 s after seeing the question get the same points', async () => {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 20 } }));
    const near = new LaggedPlayer(await server.client(), 10);
    const far = new LaggedPlayer(await server.client(), 300);
    await near.join(server, created.roomCode, 'Near');
    await far.join(server, created.roomCode, 'Far');

    // Question 1, both report the time they saw (the client's own measure).
    let version = expectOk(await host.call('host:control', { command: 'start' })).version as number;
    let sentAt = now;
    let [viewNear, viewFar] = await Promise.all([near.seeQuestion(version), far.seeQuestion(version)]);
    expect(viewFar.question!.question.id).toBe(viewNear.question!.question.id);
    const q1 = viewNear.question!.question.id;
    const a1 = expectOk(await near.answerAfter(sentAt, 2000, viewNear, true));
    expectOk(await far.answerAfter(sentAt, 2000, viewFar, true));
    const [n1, f1] = await Promise.all([near.closedRecord(q1), far.closedRecord(q1)]);
    expect(n1.elapsedMs).toBe(2000);
    expect(f1.elapsedMs).toBe(2000);
    expect(Math.abs(n1.points - f1.points)).toBeLessThanOrEqual(1);
    expect(n1.points).toBeGreaterThan(0);
    // The naive measure (server send to server receive) would have given the far player 580 ms more.
    expect(2600 - 2020).toBeGreaterThan(500);

    // A retried answer (same player, same question) is acked with the first reply and scores once.
    const scoreBefore = near.client.you()!.score;
    const retry = await near.client.call('player:answer', {
      questionId: q1,
      answer: answerFor(PACK, viewNear.question!.question, true),
    });
    expect(retry).toMatchObject({ ok: true, version: a1.version, sealed: { questionId: a1.sealed.questionId } });
    expect(expectOk(await near.client.call('game:sync', {})).you.score).toBe(scoreBefore);

    // Question 2, no client report: the server's own estimate (since send, less the round trip) is as fair.
    version = expectOk(await host.call('host:control', { command: 'next' })).version as number;
    sentAt = now;
    [viewNear, viewFar] = await Promise.all([near.seeQuestion(version), far.seeQuestion(version)]);
    const q2 = viewNear.question!.question.id;
    expect(q2).not.toBe(q1);
    expectOk(await near.answerAfter(sentAt, 2000, viewNear, false));
    expectOk(await far.answerAfter(sentAt, 2000, viewFar, false));
    const [n2, f2] = await Promise.all([near.closedRecord(q2), far.closedRecord(q2)]);
    expect(n2.elapsedMs).toBe(2000);
    expect(f2.elapsedMs).toBe(2000);
    expect(Math.abs(n2.points - f2.points)).toBeLessThanOrEqual(1);

    // Question 3: claiming to have answered at once gains nothing (the claim is clamped to the window).
    version = expectOk(await host.call('host:control', { command: 'next' })).version as number;
    sentAt = now;
    [viewNear, viewFar] = await Promise.all([near.seeQuestion(version), far.seeQuestion(version)]);
    const q3 = viewNear.question!.question.id;
    expectOk(await near.answerAfter(sentAt, 2000, viewNear, true, 0));
    expectOk(await far.answerAfter(sentAt, 2000, viewFar, true, 0));
    const [n3, f3] = await Promise.all([near.closedRecord(q3), far.closedRecord(q3)]);
    expect(n3.elapsedMs).toBe(2000);
    expect(f3.elapsedMs).toBe(2000);
  });

  it("later round trips come from engine.io's heartbeat, with no more time:pings", async () => {
    // A heartbeat every 150 ms instead of 25 s; the same virtual clock.
    const beating = await startServer({ clock: () => now, heartbeatMs: 150 });
    try {
      const host = await beating.client();
      const created = expectOk(await host.call('room:create', { packId: PACK }));
      const player = new LaggedPlayer(await beating.client(), 50);
      await player.join(beating, created.roomCode, 'Steady');
      const rtt = () => beating.app.io.sockets.sockets.get(player.client.socket.id!)?.data.rtt;
      expect(rtt()).toBe(100);
      let pings = 0;
      player.client.socket.on('time:ping', () => void pings++);
      // The next heartbeat's ping reaches the phone 200 ms (virtual) after it left, and its pong is on time.
      const engine = player.client.socket.io.engine;
      let slowed = false;
      engine.once('ping', () => {
        now += 200;
        slowed = true;
      });
      const deadline = Date.now() + 3000;
      while (rtt() === 100 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(slowed).toBe(true);
      // Smoothed: a quarter of the way from 100 ms to the 200 ms sample.
      expect(rtt()).toBe(125);
      // Several heartbeats later: on time (0 ms in the virtual clock), and still no time:ping after the first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(rtt()).toBeLessThan(125);
      expect(pings).toBe(0);
    } finally {
      await beating.close();
    }
  });
});
