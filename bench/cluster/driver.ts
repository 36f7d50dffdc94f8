// HostRush players spread over several server processes: the host creates one room on the first process (which then
// owns it), player i connects to process i mod n (WebSocket only, as a multi-process deployment's clients do) and
// joins, answers and sees questions through whichever process holds its socket. The protocol is the one of
// bench/load/drivers.ts's HostRushDriver (same pack, options and answers); what differs is where each socket is.
import { performance } from 'node:perf_hooks';
import type { GameView } from '../../shared/engine/index.js';
import {
  answerOpenQuestion,
  answerPings,
  bump,
  call,
  connectSocketIo,
  seeView,
  type AckOutcome,
  type Client,
  type Opening,
  type PlayerBot,
} from '../load/drivers.js';
import { Arrivals, sleep } from '../load/stats.js';

interface Bot extends PlayerBot {
  proc: number;
}

const connect = (url: string) => connectSocketIo<Client>(url);

export class ClusterDriver {
  connected = 0;
  /** Players seated, per process. */
  readonly connectedBy: number[];
  readonly errors = new Map<string, number>();
  roomCode = '';
  /** The question id shown by each opening, in order. */
  readonly questionIds: string[] = [];
  /** Per opening: each process's last player (ms after the host's send) and players that never got it. */
  readonly lastBy: Array<{ last: number[]; missing: number[] }> = [];
  /** Each host-driven close of a question: time for the reveal to reach the last player. */
  readonly closes: Array<{ lastMs: number; missing: number }> = [];
  private closing = false;
  private host: Client | null = null;
  private bots: Bot[] = [];
  private current: (Opening & { byProc: number[][] }) | null = null;
  private revealWait: (Arrivals & { t0: number }) | null = null;
  private started = false;

  constructor(
    private readonly urls: string[],
    readonly perRoom: number,
    private readonly packId = 'course-en',
  ) {
    this.connectedBy = urls.map(() => 0);
  }

  /** The host on the first process creates the room there: that process takes its lease and owns it. */
  async prepare(): Promise<void> {
    const socket = await connect(this.urls[0]!);
    if (!socket) throw new Error('the host could not connect');
    const { reply, code } = await call(socket, 'room:create', {
      packId: this.packId,
      options: { mode: 'classroom', questionTimeS: 120 },
    });
    if (!reply?.ok) throw new Error(`room:create failed: ${code ?? 'no reply'}`);
    this.host = socket;
    this.roomCode = String(reply.roomCode);
  }

  /** Every answering player, then one more who never answers (keeps each question open, as in bench/load). */
  async connectAll(batch: number): Promise<void> {
    const total = this.perRoom + 1;
    for (let first = 0; first < total && !this.closing; first += batch) {
      const indexes = Array.from({ length: Math.min(batch, total - first) }, (_, k) => first + k);
      await Promise.all(indexes.map((i) => this.connectOne(i)));
    }
  }

  private async connectOne(i: number): Promise<void> {
    const proc = i % this.urls.length;
    const socket = await connect(this.urls[proc]!);
    if (!socket) return bump(this.errors, `connect:${proc}`);
    if (this.closing) return void socket.disconnect();
    const bot: Bot = { socket, proc, lastQ: null, view: null, phase: 'lobby' };
    socket.on('room:view', (view) => {
      if (seeView(bot, view)) {
        const o = this.current;
        if (o) {
          const ms = performance.now() - (o.t0[0] ?? 0);
          o.arrivals.hit(ms);
          o.byProc[proc]?.push(ms);
        }
      } else if (view.phase === 'reveal') {
        const w = this.revealWait;
        if (w) w.hit(performance.now() - w.t0);
      }
    });
    socket.on('disconnect', () => this.closing || bump(this.errors, `disconnect:${proc}`));
    answerPings(socket);
    const { reply, code } = await call(socket, 'player:join', { roomCode: this.roomCode, name: `Bot ${i}` });
    if (!reply?.ok || this.closing) {
      if (!this.closing) bump(this.errors, `join:${code ?? 'no-reply'}:${proc}`);
      socket.disconnect();
      return;
    }
    this.bots[i] = bot;
    this.connected++;
    this.connectedBy[proc] = (this.connectedBy[proc] ?? 0) + 1;
  }

  /** The host's start/next opens a question; resolves once every player has it (or after the Arrivals' timeout). */
  async open(opening: Opening): Promise<void> {
    const byProc = this.urls.map(() => [] as number[]);
    this.current = { ...opening, byProc };
    const command = this.started ? 'next' : 'start';
    this.started = true;
    opening.t0[0] = performance.now();
    const { reply, code } = await call(this.host!, 'host:control', { command });
    if (!reply?.ok) bump(this.errors, `host:${command}:${code ?? 'no-reply'}`);
    await opening.arrivals.done;
    this.current = null;
    const q = this.bots.find((b) => b?.view?.question)?.view?.question?.question.id;
    if (q) this.questionIds.push(q);
    this.lastBy.push({
      last: byProc.map((times) => (times.length > 0 ? Math.max(...times) : Number.NaN)),
      missing: byProc.map((times, p) => Math.max(0, (this.connectedBy[p] ?? 0) - times.length)),
    });
  }

  private async hostPhase(): Promise<string | null> {
    const { reply } = await call(this.host!, 'game:sync', {});
    return reply?.ok ? (reply.view as GameView).phase : null;
  }

  /** The host closes the question (scores; the reveal goes to every player), timed to the last player. */
  async between(): Promise<void> {
    const waiting = this.bots.filter((b) => b && b.phase !== 'reveal').length;
    const wait = Object.assign(new Arrivals(waiting, 15_000), { t0: performance.now() });
    this.revealWait = wait;
    if ((await this.hostPhase()) === 'question') {
      wait.t0 = performance.now();
      const { reply, code } = await call(this.host!, 'host:control', { command: 'next' });
      if (!reply?.ok) bump(this.errors, `host:next:${code ?? 'no-reply'}`);
      await wait.done;
      if (wait.missing > 0) bump(this.errors, 'reveal-missing');
      this.closes.push({ lastMs: wait.missing > 0 ? Number.NaN : Math.max(...wait.times), missing: wait.missing });
    }
    this.revealWait = null;
    await sleep(300);
  }

  /** Player i (0 .. perRoom - 1) answers the open question; resolves with the ack. */
  async answer(i: number): Promise<AckOutcome> {
    return answerOpenQuestion(this.bots[i], i);
  }

  /** The process (index) that holds player i's socket. */
  procOf(i: number): number {
    return i % this.urls.length;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const bot of this.bots) bot?.socket.disconnect();
    this.host?.disconnect();
    this.bots = [];
    this.host = null;
  }
}
