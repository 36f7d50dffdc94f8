// The one owner of the socket.io session. Views add it as a reactive controller and render its state;
// components get data and fire DOM events, never touching the socket.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { Answer, DeployChoice, GameView, TeamLayer } from '../../../shared/engine/types.js';
import type {
  Ack,
  ClientToServerEvents,
  HostSession,
  PayloadOf,
  PlayerSession,
  Podium,
  PublicGameEvent,
  RaceBill,
  Reply,
  RoomInfo,
  ServerToClientEvents,
  SessionClosed,
  SoloStarted,
  Tally,
  YouMessage,
} from '../../../shared/protocol/types.js';
import { C2S, S2C, CLOSE_CODES } from '../../../shared/protocol/names.js';
import { CONN, ROLE, type ConnStatus, type Role } from './status.js';
import { randomToken, tokens } from './tokens.js';
import { lang, onLangChange } from '../i18n/index.js';
import { revealFromView } from './reveal.js';
import type { HeldResult } from '../../../shared/protocol/sealed.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type HostCommand = PayloadOf<'host:control'>;
type SoloCommand = PayloadOf<'solo:control'>['command'];
type C2SEvent = keyof ClientToServerEvents;
/** What a client -> server event sends, and what its `ok` reply carries, read from the protocol's event map. */
type PayloadArg<E extends C2SEvent> = Parameters<ClientToServerEvents[E]>[0];
type OkOf<E extends C2SEvent> = ClientToServerEvents[E] extends (payload: never, ack: Ack<infer T>) => void ? T : never;
type EmitWithAck = <E extends C2SEvent>(event: E, payload: PayloadArg<E>) => Promise<Reply<OkOf<E>>>;

/**
 * The one cast of the client's protocol, and why: socket.io-client cannot type an emit whose event name is a type
 * parameter (`DecorateAcknowledgements<...>[E]` stays unresolved), and after `timeout()` its `emitWithAck`
 * answers `any`. This signature puts the event map's types back: the event's payload in, its reply out.
 */
function emitWithAck(socket: ClientSocket, timeoutMs: number): EmitWithAck {
  const timed = socket.timeout(timeoutMs);
  return timed.emitWithAck.bind(timed) as EmitWithAck;
}

export interface SessionOptions {
  /**
   * Socket.IO transports; 'websocket' alone suits several server processes behind a balancer without sticky sessions.
   */
  transports?: Array<'websocket' | 'polling'>;
  /** Server URL; the page's own origin by default. */
  url?: string;
  ackTimeoutMs?: number;
}

export class SessionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const RACE_EVENT_LOG = 12;
const TRANSPORT_KEY = 'hostrush.transport';

/**
 * WebSocket by default; a network that blocks WebSockets can be told to use HTTP long-polling with
 * localStorage 'hostrush.transport' = 'polling' (the browser tests use it too: DevTools network emulation delays
 * HTTP requests, not WebSocket frames).
 */
function preferredTransports(): Array<'websocket' | 'polling'> {
  try {
    if (localStorage.getItem(TRANSPORT_KEY) === 'polling') return ['polling'];
  } catch {
    // Storage blocked: the default.
  }
  return ['websocket'];
}

export class SessionController implements ReactiveController {
  status: ConnStatus = CONN.idle;
  role: Role = ROLE.none;
  room: RoomInfo | null = null;
  view: GameView | null = null;
  you: YouMessage | null = null;
  /** The player's result of the open question, sealed in its answer's ack until the reveal. */
  private sealed: HeldResult | null = null;
  tally: Tally | null = null;
  podium: Podium | null = null;
  closed: SessionClosed | null = null;
  /** Recent race events (newest last), for the host picture and live announcements. */
  raceEvents: Array<Extract<PublicGameEvent, { type: 'race-event' }>> = [];
  /** Server clock minus this device's clock, from time pings. */
  offset = 0;
  /** Solo runs: the seed and leaderboard board of the run. */
  solo: { seed: string; board: string | null } | null = null;
  /** Cloud bills of the last race: the player's own (or its team's), or every bill for the host. */
  bills: RaceBill[] = [];
  /** True while the browser says it is offline (the banner shows at once, before the socket notices). */
  offline = false;
  /** When this device first saw the current question (its own clock), for the client-side elapsed time. */
  private seenQuestion: { id: string; at: number } | null = null;
  private socket: ClientSocket | null = null;
  /** How to get back into the game after a reconnect. */
  private rejoin: (() => Promise<void>) | null = null;
  private everConnected = false;
  private offLang: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionOptions = {},
  ) {
    host.addController(this);
  }

  private readonly onOffline = () => {
    this.offline = true;
    this.setStatus(CONN.reconnecting);
    this.host.requestUpdate();
  };
  private readonly onOnline = () => {
    this.offline = false;
    // Reconnect at once instead of waiting for the next back-off step; onConnect rejoins the seat.
    const socket = this.socket;
    if (socket && !socket.connected) socket.connect();
    else if (socket && this.everConnected) {
      socket.disconnect();
      this.setStatus(CONN.reconnecting);
      socket.connect();
    }
    this.host.requestUpdate();
  };

  hostConnected(): void {
    this.ensureSocket();
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.offLang = onLangChange(() => void this.syncLanguage());
  }

  hostDisconnected(): void {
    this.offLang?.();
    this.offLang = null;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.socket?.disconnect();
    this.socket = null;
  }

  get connected(): boolean {
    return this.status === CONN.connected;
  }

  /** Server time now, by this device's clock corrected with the measured offset. */
  serverNow(): number {
    return Date.now() + this.offset;
  }

  // ------------------------------------------------------------------ connection

  private ensureSocket(): ClientSocket {
    if (this.socket) return this.socket;
    const opts = { transports: this.options.transports ?? preferredTransports(), reconnectionDelayMax: 4000 };
    const socket: ClientSocket = this.options.url ? io(this.options.url, opts) : io(opts);
    this.socket = socket;
    this.setStatus(CONN.connecting);
    socket.on('connect', () => void this.onConnect());
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.setStatus(CONN.reconnecting);
    });
    socket.on('connect_error', () => {
      if (this.everConnected) this.setStatus(CONN.reconnecting);
    });
    socket.on(S2C.roomView, (view) => this.acceptView(view, false));
    socket.on(S2C.hostView, (view) => this.acceptView(view, true));
    socket.on(S2C.hostTally, (tally) => {
      this.tally = tally;
      this.host.requestUpdate();
    });
    socket.on(S2C.playerYou, (you) => {
      this.you = you;
      this.host.requestUpdate();
    });
    socket.on(S2C.gameEvents, (events) => {
      let changed = false;
      for (const e of events) {
        if (e.type === 'race-event') {
          this.raceEvents = [...this.raceEvents, e].slice(-RACE_EVENT_LOG);
          changed = true;
        }
      }
      if (changed) this.host.requestUpdate();
    });
    // The server measures each socket's round trip (fair timing): answer at once.
    socket.on(S2C.timePing, (ping, ack) => ack({ t: ping.t }));
    socket.on(S2C.playerBill, (bill) => this.showBills([bill]));
    // A bill without its own best-known plan shows the race's.
    socket.on(S2C.hostBills, (race) => this.showBills(race.bills.map((b) => (b.best ? b : { ...b, best: race.best }))));
    socket.on(S2C.gamePodium, (podium) => {
      this.podium = podium;
      if (this.role === ROLE.host && this.room) tokens.setPastGameId(this.room.roomCode, podium.gameId);
      this.host.requestUpdate();
    });
    socket.on(S2C.sessionClosed, (closed) => {
      this.closed = closed;
      if (
        closed.code === CLOSE_CODES.kicked ||
        closed.code === CLOSE_CODES.replaced ||
        closed.code === CLOSE_CODES.roomClosed
      ) {
        this.rejoin = null;
        if (closed.code !== CLOSE_CODES.replaced && this.room && this.role === ROLE.player)
          tokens.setSeat(this.room.roomCode, null);
      }
      this.host.requestUpdate();
    });
    return socket;
  }

  private async onConnect(): Promise<void> {
    this.offline = false;
    const wasReconnect = this.everConnected;
    this.everConnected = true;
    void this.measureClock();
    if (wasReconnect && this.rejoin) {
      try {
        await this.rejoin();
      } catch {
        // The seat may be gone (game over, removed): the view shows what the last state said.
      }
    }
    this.setStatus(CONN.connected);
  }

  private showBills(bills: RaceBill[]): void {
    if (!bills.length) return;
    this.bills = bills;
    this.host.requestUpdate();
  }

  private setStatus(status: ConnStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.host.requestUpdate();
  }

  private acceptView(view: GameView, fromHostChannel: boolean): void {
    const current = this.view;
    if (current && this.role === ROLE.host && !fromHostChannel && view.version <= current.version) return;
    if (current && view.version < current.version) return;
    if (view.phase === 'race' && current?.phase !== 'race') this.bills = [];
    // A new step: the last private score changes (and their whys) belonged to the one before.
    if (current && view.step !== current.step && this.you?.changes.length) this.you = { ...this.you, changes: [] };
    this.view = view;
    const q = view.question;
    if (q && q.question.id !== this.seenQuestion?.id) {
      this.seenQuestion = { id: q.question.id, at: Date.now() };
      // A new question: the last private answer record belongs to the previous one until `player:you` says otherwise.
      if (this.you?.answer) this.you = { ...this.you, answer: null };
    }
    if (view.phase !== 'race' && view.phase !== 'race-result') this.raceEvents = view.race ? this.raceEvents : [];
    this.learnFromView();
    this.host.requestUpdate();
  }

  /** A player's own result, streak and rank, as the latest view tells them (./reveal.ts). */
  private learnFromView(): void {
    if (this.role !== ROLE.player || !this.you || !this.view) return;
    const revealed = revealFromView(this.you, this.view, this.sealed);
    this.you = revealed.you;
    this.sealed = revealed.sealed;
  }

  private async measureClock(): Promise<void> {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      try {
        const reply = await this.request(C2S.timePing, { t: t0 }, { timeoutMs: 3000 });
        const rtt = Date.now() - t0;
        if (rtt < best) {
          best = rtt;
          this.offset = reply.serverNow - (t0 + rtt / 2);
        }
      } catch {
        return;
      }
    }
    this.host.requestUpdate();
  }

  /**
   * Sends an event with an acknowledgement, retrying on timeout; resolves with the `ok` data or throws a SessionError.
   */
  async request<E extends C2SEvent>(
    event: E,
    payload: PayloadArg<E>,
    { retries = 0, timeoutMs = this.options.ackTimeoutMs ?? 5000 } = {},
  ): Promise<{ ok: true } & OkOf<E>> {
    const socket = this.ensureSocket();
    let lastError: unknown = null;
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        const reply = await emitWithAck(socket, timeoutMs)(event, payload);
        if (reply.ok) return reply;
        throw new SessionError(reply.error.code, reply.error.message);
      } catch (err) {
        if (err instanceof SessionError) throw err;
        lastError = err;
      }
    }
    throw new SessionError('net/timeout', lastError instanceof Error ? lastError.message : 'no answer from the server');
  }

  private enter(role: Role, session: RoomInfo & { view: GameView }, you: YouMessage | null): void {
    this.role = role;
    this.room = {
      roomCode: session.roomCode,
      mode: session.mode,
      packId: session.packId,
      packTitle: session.packTitle,
      joinPath: session.joinPath,
    };
    this.closed = null;
    this.view = null;
    this.acceptView(session.view, true);
    if (you) this.you = you;
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------------ host

  /**
   * Takes the host seat of a room with the token kept on this device. Rooms are made over HTTP by the create form
   * (`api.createRoom`), which keeps the token and opens the host view; the view then takes its seat here.
   */
  async resumeHost(roomCode: string): Promise<HostSession> {
    const hostToken = tokens.hostToken(roomCode);
    if (!hostToken) throw new SessionError('auth/token', 'no host token on this device');
    const session = await this.request(C2S.hostResume, { roomCode, hostToken }, { retries: 2 });
    this.enter(ROLE.host, session, null);
    this.rejoin = () => this.resumeHost(roomCode).then(() => undefined);
    return session;
  }

  /** A host command; its retry carries the same command id, so the server applies it once (issue 13). */
  control(command: HostCommand): Promise<{ version: number }> {
    return this.request(C2S.hostControl, { ...command, commandId: randomToken(16) }, { retries: 1 });
  }

  // ------------------------------------------------------------------ player

  async join(roomCode: string, name: string, teamId?: string): Promise<PlayerSession> {
    const joined = await this.request(
      C2S.playerJoin,
      teamId ? { roomCode, name, teamId, lang: lang() } : { roomCode, name, lang: lang() },
    );
    tokens.setSeat(roomCode, { resumeToken: joined.resumeToken, playerId: joined.playerId });
    tokens.setNickname(name);
    this.enter(ROLE.player, joined, joined.you);
    this.rejoin = () => this.resumePlayer(roomCode).then(() => undefined);
    return joined;
  }

  hasSeat(roomCode: string): boolean {
    return tokens.seat(roomCode) !== null;
  }

  async resumePlayer(roomCode: string): Promise<PlayerSession> {
    const seat = tokens.seat(roomCode);
    if (!seat) throw new SessionError('auth/token', 'no seat on this device');
    try {
      const session = await this.request(
        C2S.playerResume,
        { roomCode, resumeToken: seat.resumeToken, lang: lang() },
        { retries: 2 },
      );
      this.enter(ROLE.player, session, session.you);
      this.rejoin = () => this.resumePlayer(roomCode).then(() => undefined);
      return session;
    } catch (err) {
      if (
        err instanceof SessionError &&
        (err.code === 'auth/token' || err.code === 'auth/removed' || err.code === 'room/unknown')
      ) {
        tokens.setSeat(roomCode, null);
      }
      throw err;
    }
  }

  pickTeam(teamId: string): Promise<{ version: number }> {
    return this.request(C2S.playerTeam, { teamId }, { retries: 1 });
  }

  /** Team games with roles: take a layer of the shared responsibility model, or drop it (null). */
  async takeLayer(layer: TeamLayer | null): Promise<void> {
    await this.request(C2S.playerTakeLayer, { layer: layer ?? 'none' });
  }

  /** Answers are idempotent per (player, question) on the server, so they are retried; a duplicate means it arrived. */
  async answer(questionId: string, answer: Answer): Promise<void> {
    const elapsedMs =
      this.seenQuestion?.id === questionId ? Math.max(0, Math.round(Date.now() - this.seenQuestion.at)) : undefined;
    try {
      const reply = await this.request(
        C2S.playerAnswer,
        elapsedMs === undefined ? { questionId, answer } : { questionId, answer, elapsedMs },
        {
          retries: 3,
          timeoutMs: 4000,
        },
      );
      // The result, sealed until the reveal's view brings its key (which may have come already).
      if (reply.sealed) {
        this.sealed = { ...reply.sealed, answer };
        this.learnFromView();
        this.host.requestUpdate();
      }
    } catch (err) {
      if (err instanceof SessionError && err.code === 'answer/duplicate') return;
      throw err;
    }
  }

  claim(cardId: string): Promise<{ version: number }> {
    return this.request(C2S.playerClaim, { cardId }, { retries: 1 });
  }
  release(cardId: string): Promise<{ version: number }> {
    return this.request(C2S.playerRelease, { cardId }, { retries: 1 });
  }
  deploy(cardId: string, choice: DeployChoice): Promise<{ version: number }> {
    return this.request(C2S.playerDeploy, { cardId, choice }, { retries: 1 });
  }

  // ------------------------------------------------------------------ solo

  async startSolo(payload: PayloadOf<'solo:start'>): Promise<SoloStarted> {
    const started = await this.request(C2S.soloStart, payload);
    tokens.setSoloSeat({ roomCode: started.roomCode, resumeToken: started.resumeToken, playerId: started.playerId });
    tokens.setSeat(started.roomCode, { resumeToken: started.resumeToken, playerId: started.playerId });
    this.solo = { seed: started.seed, board: started.board };
    this.enter(ROLE.solo, started, started.you);
    this.rejoin = () => this.resumeSolo().then(() => undefined);
    return started;
  }

  async resumeSolo(): Promise<PlayerSession | null> {
    const seat = tokens.soloSeat();
    if (!seat) return null;
    try {
      const session = await this.request(
        C2S.playerResume,
        { roomCode: seat.roomCode, resumeToken: seat.resumeToken, lang: lang() },
        { retries: 1 },
      );
      this.enter(ROLE.solo, session, session.you);
      this.rejoin = () => this.resumeSolo().then(() => undefined);
      return session;
    } catch {
      tokens.setSoloSeat(null);
      return null;
    }
  }

  /**
   * The device switched language (the header's switch): the server serves this seat's game texts (question,
   * options, cards, scenario, bills) in it from now on when the pack has them, and answers with the view in it.
   */
  private async syncLanguage(): Promise<void> {
    if ((this.role !== ROLE.player && this.role !== ROLE.solo) || !this.connected) return;
    try {
      const synced = await this.request(C2S.gameSync, { lang: lang() }, { retries: 1 });
      this.acceptView(synced.view, false);
      // The whys already shown stay (they are bilingual); a sync reply carries only changes not yet sent.
      if (synced.you)
        this.you =
          synced.you.changes.length > 0 || !this.you ? synced.you : { ...synced.you, changes: this.you.changes };
      if (this.bills.length > 0) {
        const fresh = synced.bills;
        this.bills = this.bills.map(
          (b) => fresh.find((f) => f.scenarioId === b.scenarioId && f.owner.id === b.owner.id) ?? b,
        );
      }
      this.host.requestUpdate();
    } catch {
      // The next reconnect's resume carries the language too.
    }
  }

  soloControl(command: SoloCommand): Promise<{ version: number }> {
    return this.request(C2S.soloControl, { command, commandId: randomToken(16) }, { retries: 1 });
  }

  forgetSolo(): void {
    tokens.setSoloSeat(null);
    this.rejoin = null;
  }

  async leave(): Promise<void> {
    this.rejoin = null;
    try {
      await this.request(C2S.sessionLeave, {}, { timeoutMs: 1500 });
    } catch {
      // Leaving is best effort: the seat stays reserved anyway.
    }
    this.role = ROLE.none;
    this.room = null;
    this.view = null;
    this.sealed = null;
    this.you = null;
    this.host.requestUpdate();
  }
}
