// The three systems under load, behind one interface: HostRush (real protocol: room:create, player:join,
// host:control, player:answer, player:deploy), the bare Socket.IO floor and the raw `ws` floor.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { GameView } from '../../shared/engine/index.js';
import { legalChoices } from '../../shared/engine/race/rules.js';
import { stepsOf } from '../../shared/engine/steps.js';
import { builtinPack } from '../../shared/content/builtin.js';
import { configFromPack } from '../../shared/content/config.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/index.js';
import { Arrivals, sleep, within } from './stats.js';

export interface AckOutcome {
  ok: boolean;
  /** Error code from the ack, 'timeout', or 'disconnected'. */
  code?: string;
  ms: number;
}

/** One broadcast being timed: each room's send time and the arrivals (ms after that room's send). */
export interface Opening {
  t0: number[];
  arrivals: Arrivals;
}

export interface Driver {
  readonly name: string;
  readonly rooms: number;
  readonly perRoom: number;
  /** Sockets that connected (and, for HostRush, joined). */
  connected: number;
  errors: Map<string, number>;
  notes: string[];
  /** Setup that is not per player (HostRush: the hosts and their rooms; floors: the controller). */
  prepare(): Promise<void>;
  /** Connects every player's socket, `batch` at a time. */
  connectAll(batch: number): Promise<void>;
  /** HostRush: seats every connected player (`player:join`), `batch` at a time; the floors have nothing to do. */
  joinAll(batch: number): Promise<void>;
  /** Messages the players received (any event, acks not counted), for messages per player per question. */
  received: number;
  /** Sends the broadcast to every room (HostRush: the host's start/next opens a question), timing each room. */
  open(opening: Opening): Promise<void>;
  /** Between two openings (HostRush: close the question and let the reveal reach everyone). */
  between(): Promise<void>;
  /**
   * Before a measured question: HostRush shows the standings between two rounds if the next step opens a new round,
   * so that the measured window holds the question's work only (its open, answers and close); the floors have none.
   */
  settle?(): Promise<void>;
  /** Player `i` (0 .. rooms x perRoom - 1) answers the open question; resolves with the ack. */
  answer(i: number): Promise<AckOutcome>;
  /** The payload a floor broadcasts: HostRush's question message. */
  payload(): unknown;
  close(): Promise<void>;
}

export const ACK_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * LOAD_LANG_MIX (0-1, default 0): the share of bots whose device reads Korean in the English rooms (`lang: 'ko'` at
 * join), so the server sends each question in two languages (one broadcast per language).
 */
const LANG_MIX = Math.min(1, Math.max(0, Number(process.env.LOAD_LANG_MIX ?? 0) || 0));

/** Runs `one(i)` for i in 0 .. n-1, `batch` at a time. */
async function inBatches(n: number, batch: number, one: (i: number) => Promise<void>): Promise<void> {
  for (let first = 0; first < n; first += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, n - first) }, (_, k) => one(first + k)));
  }
}

export function bump(map: Map<string, number>, code: string): void {
  map.set(code, (map.get(code) ?? 0) + 1);
}

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Reply = { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } };

export function connectSocketIo<C extends Socket>(url: string, auth: Record<string, string> = {}): Promise<C | null> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
    auth,
  }) as unknown as C;
  return opened(socket, 'connect', 'connect_error', () => socket.disconnect());
}

/** Resolves with `conn` on its `ok` event; null on `fail` or after CONNECT_TIMEOUT_MS, then `drop`s it. */
function opened<T extends { once(event: string, listener: () => void): unknown }>(
  conn: T,
  ok: string,
  fail: string,
  drop: () => void,
): Promise<T | null> {
  return within(
    new Promise<T | null>((resolve) => {
      conn.once(ok, () => resolve(conn));
      conn.once(fail, () => resolve(null));
    }),
    CONNECT_TIMEOUT_MS,
    () => null,
  ).then((c) => {
    if (!c) drop();
    return c;
  });
}

/** Emits with an ack and a timeout; never rejects. */
export function call(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<{ reply: Reply | null; ms: number; code?: string }> {
  const t = performance.now();
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, reply: Reply) => {
      const ms = performance.now() - t;
      if (err) resolve({ reply: null, ms, code: socket.connected ? 'timeout' : 'disconnected' });
      else if (!reply || typeof reply !== 'object') resolve({ reply: { ok: true }, ms });
      else resolve({ reply, ms, ...(reply.ok ? {} : { code: reply.error.code }) });
    });
  });
}

// ---------------------------------------------------------------- HostRush

/** What a HostRush player keeps (here and in bench/cluster's driver). */
export interface PlayerBot {
  socket: Client;
  lastQ: string | null;
  view: GameView | null;
  phase: string;
}

/** Keeps the player's latest view; true when it shows an open question this player had not seen yet. */
export function seeView(bot: PlayerBot, view: GameView): boolean {
  bot.view = view;
  bot.phase = view.phase;
  const q = view.question;
  if (view.phase === 'question' && q && !q.closed && q.question.id !== bot.lastQ) {
    bot.lastQ = q.question.id;
    return true;
  }
  return false;
}

/** As the real client does: answer the server's round-trip probe at once (fair timing). */
export function answerPings(socket: Client): void {
  (socket as unknown as { on(e: string, l: (...a: unknown[]) => void): void }).on('time:ping', (...args) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') (ack as (r: unknown) => void)(args[0]);
  });
}

/** Player `i` answers the question in its view; resolves with the ack. */
export async function answerOpenQuestion(bot: PlayerBot | undefined, i: number): Promise<AckOutcome> {
  if (!bot) return { ok: false, code: 'no-player', ms: Number.NaN };
  const q = bot.view?.question;
  if (!q || q.closed) return { ok: false, code: 'no-question', ms: Number.NaN };
  const { reply, ms, code } = await call(bot.socket, 'player:answer', {
    questionId: q.question.id,
    answer: answerFor(q.question, i),
  });
  return reply?.ok ? { ok: true, ms } : { ok: false, code: code ?? 'no-reply', ms };
}

interface Bot extends PlayerBot {
  room: number;
  /** Race cards this player already considered. */
  tried: Set<string>;
}

export class HostRushDriver implements Driver {
  readonly name = 'hostrush';
  connected = 0;
  errors = new Map<string, number>();
  notes: string[] = [];
  private closing = false;
  private hosts: Array<{ socket: Client; code: string }> = [];
  private bots: Bot[] = [];
  /** Connected, not yet seated: index -> socket and its bot. */
  private sockets: Array<Bot | undefined> = [];
  received = 0;
  private current: Opening | null = null;
  private revealWait: (Arrivals & { t0: number }) | null = null;
  private started = false;
  private questionView: GameView | null = null;

  constructor(
    private readonly url: string,
    readonly rooms: number,
    readonly perRoom: number,
    private readonly packId = 'course-en',
  ) {}

  /** Server CPU (us) and time to the last player of each host-driven close (reveal), measured in between(). */
  readonly closes: Array<{ cpuUs: number; lastMs: number; missing: number }> = [];
  /** Set by the scenario: reads the server's CPU over IPC. */
  cpuUs: () => Promise<number> = () => Promise.resolve(Number.NaN);
  private deploying: { probability: number; outcomes: Array<Promise<AckOutcome>> } | null = null;

  async prepare(): Promise<void> {
    for (let r = 0; r < this.rooms; r++) {
      const socket = await connectSocketIo<Client>(this.url);
      if (!socket) throw new Error('the host could not connect');
      const { reply, code } = await call(socket, 'room:create', {
        packId: this.packId,
        options: { mode: 'classroom', questionTimeS: 120 },
      });
      if (!reply?.ok) throw new Error(`room:create failed: ${code ?? 'no reply'}`);
      this.hosts.push({ socket, code: String(reply.roomCode) });
    }
  }

  /**
   * Connects every answering player, then one more per room who never answers: it keeps each question open, so an
   * answer window measures answers only, and the close (scores, reveal to all) is measured on its own.
   */
  async connectAll(batch: number): Promise<void> {
    await inBatches(this.rooms * this.perRoom + this.rooms, batch, (i) => this.connectOne(i));
  }

  /** Seats every connected player, `batch` joins in flight at a time (timed apart from connecting). */
  async joinAll(batch: number): Promise<void> {
    await inBatches(this.sockets.length, batch, (i) => this.joinOne(i));
  }

  private roomOf(i: number): number {
    const answering = this.rooms * this.perRoom;
    return i < answering ? Math.floor(i / this.perRoom) : i - answering;
  }

  private async connectOne(i: number): Promise<void> {
    const answering = this.rooms * this.perRoom;
    const room = this.roomOf(i);
    const socket = await connectSocketIo<Client>(this.url);
    if (!socket) return bump(this.errors, 'connect');
    const bot: Bot = { socket, room, lastQ: null, view: null, phase: 'lobby', tried: new Set() };
    socket.onAny(() => void this.received++);
    socket.on('room:view', (view) => {
      if (seeView(bot, view)) {
        const o = this.current;
        if (o) o.arrivals.hit(performance.now() - (o.t0[room] ?? 0));
        this.questionView ??= view;
      } else if (view.phase === 'leaderboard' && this.current) {
        this.pastStandings(this.current, room);
      } else if (view.phase === 'reveal') {
        const w = this.revealWait;
        if (w) w.hit(performance.now() - w.t0);
      } else if (view.phase === 'race' && view.race && this.deploying && i < answering) {
        this.maybeDeploy(bot, i, view, bot.tried);
      }
    });
    socket.on('disconnect', () => this.closing || bump(this.errors, 'disconnect'));
    answerPings(socket);
    this.sockets[i] = bot;
  }

  private async joinOne(i: number): Promise<void> {
    const bot = this.sockets[i];
    if (!bot) return;
    const host = this.hosts[bot.room];
    if (!host) return bump(this.errors, 'no-room');
    const korean = i % 100 < LANG_MIX * 100;
    const { reply, code } = await call(bot.socket, 'player:join', {
      roomCode: host.code,
      name: `Bot ${i}`,
      ...(korean ? { lang: 'ko' } : {}),
    });
    if (!reply?.ok) {
      bump(this.errors, `join:${code ?? 'no-reply'}`);
      bot.socket.disconnect();
      return;
    }
    this.bots[i] = bot;
    this.connected++;
  }

  async open(opening: Opening): Promise<void> {
    this.current = opening;
    const command = this.started ? 'next' : 'start';
    this.started = true;
    const acks = this.hosts.map((host, r) => {
      opening.t0[r] = performance.now();
      return call(host.socket, 'host:control', { command });
    });
    for (const { reply, code } of await Promise.all(acks))
      if (!reply?.ok) bump(this.errors, `host:${command}:${code ?? 'no-reply'}`);
    await opening.arrivals.done;
    this.current = null;
  }

  /**
   * Past the pack's first round (warm-ups and openings together), the host's `next` shows the standings between
   * rounds first: the first player to see them has the host go on to the question, whose send time restarts the clock.
   */
  private pastStandings(opening: Opening & { skipped?: Set<number> }, room: number): void {
    opening.skipped ??= new Set();
    const host = this.hosts[room];
    if (!host || opening.skipped.has(room)) return;
    opening.skipped.add(room);
    opening.t0[room] = performance.now();
    void call(host.socket, 'host:control', { command: 'next' }).then(({ reply, code }) => {
      if (!reply?.ok) bump(this.errors, `host:next:${code ?? 'no-reply'}`);
    });
  }

  private async hostView(): Promise<GameView | null> {
    const host = this.hosts[0];
    if (!host) return null;
    const { reply } = await call(host.socket, 'game:sync', {});
    return reply?.ok ? (reply.view as GameView) : null;
  }

  private async hostPhase(): Promise<string | null> {
    return (await this.hostView())?.phase ?? null;
  }

  async settle(): Promise<void> {
    const view = await this.hostView();
    const pack = builtinPack(this.packId);
    if (view?.phase !== 'reveal' || !pack) return;
    const step = stepsOf(configFromPack(pack, { mode: 'classroom' }))[view.step];
    if (!step?.lastInRound) return;
    const acks = await Promise.all(this.hosts.map((h) => call(h.socket, 'host:control', { command: 'next' })));
    for (const { reply, code } of acks) if (!reply?.ok) bump(this.errors, `host:next:${code ?? 'no-reply'}`);
    await sleep(1000);
  }

  async between(): Promise<void> {
    // The host closes the question (scores; the reveal goes to every player): timed to the last player, with the
    // server's CPU for it; then the flood of private messages drains.
    const waiting = this.bots.filter((b) => b && b.phase !== 'reveal').length;
    const wait = Object.assign(new Arrivals(waiting, 15_000), { t0: performance.now() });
    this.revealWait = wait;
    const cpu0 = await this.cpuUs();
    wait.t0 = performance.now();
    const closed = (await this.hostPhase()) === 'question';
    if (closed) {
      wait.t0 = performance.now();
      const acks = await Promise.all(this.hosts.map((h) => call(h.socket, 'host:control', { command: 'next' })));
      for (const { reply, code } of acks) if (!reply?.ok) bump(this.errors, `host:next:${code ?? 'no-reply'}`);
    }
    await wait.done;
    if (wait.missing > 0) bump(this.errors, 'reveal-missing');
    this.revealWait = null;
    await sleep(300);
    if (closed)
      this.closes.push({
        cpuUs: (await this.cpuUs()) - cpu0,
        lastMs: wait.missing > 0 ? Number.NaN : Math.max(...wait.times),
        missing: wait.missing,
      });
  }

  async answer(i: number): Promise<AckOutcome> {
    return answerOpenQuestion(this.bots[i], i);
  }

  /** Goes on to the next race (closing what is open), for deploys; true once a race is on. */
  async toRace(timeoutMs = 30_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const phase = await this.hostPhase();
      if (phase === 'race') return true;
      if (phase === 'podium' || phase === null) return false;
      const command = phase === 'question' ? 'skip' : 'next';
      await Promise.all(this.hosts.map((h) => call(h.socket, 'host:control', { command })));
      await sleep(100);
    }
    return false;
  }

  /** From now on, each player deploys each newly arrived card with this probability, after a human delay. */
  startDeploys(probability: number): void {
    this.deploying = { probability, outcomes: [] };
    const answering = this.rooms * this.perRoom;
    this.bots.forEach((bot, i) => {
      if (bot?.view?.phase === 'race' && i < answering) this.maybeDeploy(bot, i, bot.view, bot.tried);
    });
  }

  /** Stops deploying; resolves with every deploy's ack (each has its own timeout). */
  async stopDeploys(): Promise<AckOutcome[]> {
    const d = this.deploying;
    this.deploying = null;
    return d ? Promise.all(d.outcomes) : [];
  }

  private maybeDeploy(bot: Bot, i: number, view: GameView, tried: Set<string>): void {
    const race = view.race;
    const d = this.deploying;
    if (!race || !d) return;
    for (const host of race.hosts) {
      for (const slot of host.cards) {
        if (slot.deploymentId !== null || slot.arrivesAt > view.now || tried.has(slot.cardId)) continue;
        tried.add(slot.cardId);
        if (Math.random() >= d.probability) continue;
        const card = race.cards.find((c) => c.id === slot.cardId);
        if (!card) continue;
        const choices = legalChoices(card, host.spec);
        const choice = choices[i % Math.max(1, choices.length)] ?? { kind: 'vm', placement: 'on-prem' };
        // A person reads the card first: 300-1500 ms.
        d.outcomes.push(
          sleep(300 + Math.random() * 1200).then(async () => {
            const { reply, ms, code } = await call(bot.socket, 'player:deploy', { cardId: slot.cardId, choice });
            return reply?.ok ? { ok: true, ms } : { ok: false, code: code ?? 'no-reply', ms };
          }),
        );
      }
    }
  }

  payload(): unknown {
    return this.questionView;
  }

  close(): Promise<void> {
    this.closing = true;
    for (const bot of this.bots) bot?.socket.disconnect();
    for (const host of this.hosts) host.socket.disconnect();
    this.bots = [];
    this.sockets = [];
    this.hosts = [];
    return Promise.resolve();
  }
}

/** A valid-looking answer of the question's type (some right, some wrong: the server scores them all). */
export function answerFor(q: NonNullable<GameView['question']>['question'], i: number): unknown {
  const perm = (n: number) => Array.from({ length: n }, (_, k) => (k + i) % n);
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: i % Math.max(1, q.options?.length ?? 1) };
    case 'multi':
      return { type: 'multi', choices: [i % Math.max(1, q.options?.length ?? 1)] };
    case 'truefalse':
      return { type: 'truefalse', value: i % 3 !== 0 };
    case 'ordering':
      return { type: 'ordering', order: perm(q.items?.length ?? 1) };
    case 'matching':
      return { type: 'matching', pairs: perm(q.right?.length ?? 1) };
    default:
      return { type: 'numeric', value: i % 10 };
  }
}

// ---------------------------------------------------------------- the floors

/** What both floors share: player i sits in room floor(i / perRoom); a controller broadcasts to one room at a time. */
abstract class FloorDriver<C> implements Driver {
  abstract readonly name: string;
  connected = 0;
  errors = new Map<string, number>();
  notes: string[] = [];
  protected closing = false;
  protected clients: C[] = [];
  received = 0;
  private current: Opening | null = null;

  constructor(
    readonly rooms: number,
    readonly perRoom: number,
    protected readonly body: unknown,
  ) {}

  abstract prepare(): Promise<void>;
  abstract answer(i: number): Promise<AckOutcome>;
  abstract close(): Promise<void>;
  /** Connects one player to `room` and listens for the broadcast (calling arrived); null if it could not connect. */
  protected abstract connectOne(room: number): Promise<C | null>;
  /** Has the controller broadcast the payload to `room`. */
  protected abstract broadcast(room: string): void;

  /** A client in `room` got the broadcast. */
  protected arrived(room: number): void {
    const o = this.current;
    if (o) o.arrivals.hit(performance.now() - (o.t0[room] ?? 0));
  }

  async connectAll(batch: number): Promise<void> {
    await inBatches(this.rooms * this.perRoom, batch, async (i) => {
      const client = await this.connectOne(Math.floor(i / this.perRoom));
      if (!client) return bump(this.errors, 'connect');
      this.clients[i] = client;
      this.connected++;
    });
  }

  async joinAll(): Promise<void> {}

  async open(opening: Opening): Promise<void> {
    this.current = opening;
    for (let r = 0; r < this.rooms; r++) {
      opening.t0[r] = performance.now();
      this.broadcast(`r${r}`);
    }
    await opening.arrivals.done;
    this.current = null;
  }

  async between(): Promise<void> {
    await sleep(300);
  }

  payload(): unknown {
    return this.body;
  }
}

// ---------------------------------------------------------------- the bare Socket.IO floor

export class SocketIoFloorDriver extends FloorDriver<Socket> {
  readonly name = 'floor-socketio';
  private controller: Socket | null = null;

  constructor(
    private readonly url: string,
    rooms: number,
    perRoom: number,
    body: unknown,
  ) {
    super(rooms, perRoom, body);
  }

  async prepare(): Promise<void> {
    this.controller = await connectSocketIo<Socket>(this.url, { room: 'ctl' });
    if (!this.controller) throw new Error('the floor controller could not connect');
    await call(this.controller, 'set', this.body);
  }

  protected async connectOne(room: number): Promise<Socket | null> {
    const socket = await connectSocketIo<Socket>(this.url, { room: `r${room}` });
    if (!socket) return null;
    socket.on('q', () => this.arrived(room));
    socket.onAny(() => void this.received++);
    socket.on('disconnect', () => this.closing || bump(this.errors, 'disconnect'));
    return socket;
  }

  protected broadcast(room: string): void {
    this.controller?.emit('bcast', room);
  }

  async answer(i: number): Promise<AckOutcome> {
    const socket = this.clients[i];
    if (!socket) return { ok: false, code: 'no-player', ms: Number.NaN };
    const { reply, ms, code } = await call(socket, 'ans', {
      questionId: 'q1',
      answer: { type: 'single', choice: i % 4 },
    });
    return reply?.ok ? { ok: true, ms } : { ok: false, code: code ?? 'no-reply', ms };
  }

  close(): Promise<void> {
    this.closing = true;
    for (const c of this.clients) c?.disconnect();
    this.controller?.disconnect();
    this.clients = [];
    return Promise.resolve();
  }
}

// ---------------------------------------------------------------- the raw ws floor

interface WsClient {
  ws: WebSocket;
  pending: Map<number, (ms: number) => void>;
}

export class WsFloorDriver extends FloorDriver<WsClient> {
  readonly name = 'floor-ws';
  private controller: WebSocket | null = null;
  private nextId = 1;

  constructor(
    private readonly port: number,
    rooms: number,
    perRoom: number,
    body: unknown,
  ) {
    super(rooms, perRoom, body);
  }

  private open1(room: string): Promise<WebSocket | null> {
    const ws = new WebSocket(`ws://127.0.0.1:${this.port}/?room=${room}`, { perMessageDeflate: false });
    return opened(ws, 'open', 'error', () => ws.terminate());
  }

  async prepare(): Promise<void> {
    this.controller = await this.open1('ctl');
    const ctl = this.controller;
    if (!ctl) throw new Error('the ws floor controller could not connect');
    const ok = new Promise<void>((resolve) => ctl.once('message', () => resolve()));
    ctl.send(JSON.stringify({ t: 'set', p: this.body }));
    await within(ok, 5000, () => undefined);
  }

  protected async connectOne(room: number): Promise<WsClient | null> {
    const ws = await this.open1(`r${room}`);
    if (!ws) return null;
    const client: WsClient = { ws, pending: new Map() };
    ws.on('message', (data) => {
      const m = JSON.parse((data as Buffer).toString()) as { t: string; id?: number };
      if (m.t !== 'k') this.received++;
      if (m.t === 'q') {
        this.arrived(room);
      } else if (m.t === 'k' && m.id !== undefined) {
        client.pending.get(m.id)?.(performance.now());
        client.pending.delete(m.id);
      }
    });
    ws.on('close', () => this.closing || bump(this.errors, 'disconnect'));
    return client;
  }

  protected broadcast(room: string): void {
    this.controller?.send(JSON.stringify({ t: 'b', room }));
  }

  answer(i: number): Promise<AckOutcome> {
    const client = this.clients[i];
    if (!client) return Promise.resolve({ ok: false, code: 'no-player', ms: Number.NaN });
    const id = this.nextId++;
    const t = performance.now();
    const acked = new Promise<AckOutcome>((resolve) =>
      client.pending.set(id, (at) => resolve({ ok: true, ms: at - t })),
    );
    client.ws.send(JSON.stringify({ t: 'a', id, questionId: 'q1', answer: { type: 'single', choice: i % 4 } }));
    return within(acked, ACK_TIMEOUT_MS, () => {
      client.pending.delete(id);
      return { ok: false, code: 'timeout', ms: performance.now() - t };
    });
  }

  close(): Promise<void> {
    this.closing = true;
    for (const c of this.clients) {
      c?.ws.removeAllListeners('close');
      c?.ws.terminate();
    }
    this.controller?.terminate();
    this.clients = [];
    return Promise.resolve();
  }
}
