// Test harness: the real server on port 0 with in-memory SQLite, driven by real socket.io-client clients.
// Waits are on events (with the latest payload of each event kept, so none is missed): no sleeps.
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { createApp, type AppHandle, type AppOptions } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import type { Storage } from '../../server/storage/types.js';
import { builtinPack } from '../../shared/content/builtin.js';
import type { Answer, GameView, PublicQuestion } from '../../shared/engine/index.js';
import type {
  ClientToServerEvents,
  Reply,
  HeldResult,
  SealedResult,
  ServerToClientEvents,
  YouMessage,
} from '../../shared/protocol/index.js';
import { revealFromView } from '../../client/src/session/reveal.js';
import { silentLogger } from '../../server/log.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: AppHandle;
  storage: Storage;
  clients: TestClient[];
  client(): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startServer(opts: AppOptions & { storage?: Storage } = {}): Promise<TestServer> {
  const storage = opts.storage ?? (await createStorage({ sqlitePath: ':memory:' }));
  const app = createApp({ log: silentLogger, ...opts, storage });
  await app.ready;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const server: TestServer = {
    url,
    app,
    storage,
    clients: [],
    async client() {
      const c = new TestClient(connect(url, { transports: ['websocket'], forceNew: true, reconnection: false }));
      server.clients.push(c);
      await c.connected();
      return c;
    },
    async close() {
      for (const c of server.clients) c.socket.disconnect();
      await app.close();
    },
  };
  return server;
}

type S2C = keyof ServerToClientEvents;
type Payload<E extends S2C> = Parameters<ServerToClientEvents[E]>[0];

export class TestClient {
  readonly latest = new Map<S2C, unknown>();
  readonly received = new Map<S2C, number>();
  private waiters: Array<{ event: S2C; test: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  /** What this player knows of itself, as a phone would (acks, player:you, results opened at the reveal). */
  private me: YouMessage | null = null;
  private sealed: HeldResult | null = null;
  private youWaiters: Array<{ test: (y: YouMessage) => boolean; resolve: (y: YouMessage) => void }> = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: S2C, payload: unknown) => {
      this.latest.set(event, payload);
      this.received.set(event, (this.received.get(event) ?? 0) + 1);
      if (event === 'player:you') this.learn(payload as YouMessage);
      else if (event === 'room:view') this.learn(this.me);
      this.waiters = this.waiters.filter((w) => {
        if (w.event !== event || !w.test(payload)) return true;
        w.resolve(payload);
        return false;
      });
    });
  }

  /** The player's own state as its phone knows it (session/reveal.ts does the same on a real phone). */
  you(): YouMessage | null {
    return this.me;
  }

  /** Resolves with this player's own state once it passes `test` (the current one included). */
  waitForYou(test: (y: YouMessage) => boolean = () => true): Promise<YouMessage> {
    if (this.me && test(this.me)) return Promise.resolve(this.me);
    return new Promise((resolve) => this.youWaiters.push({ test, resolve }));
  }

  private learn(you: YouMessage | null): void {
    const view = this.view();
    if (!you) return;
    const revealed = view ? revealFromView(you, view, this.sealed) : { you, sealed: this.sealed };
    this.me = revealed.you;
    this.sealed = revealed.sealed;
    const me = this.me;
    this.youWaiters = this.youWaiters.filter((w) => {
      if (!w.test(me)) return true;
      w.resolve(me);
      return false;
    });
  }

  private noteReply(event: string, reply: Reply<Record<string, any>>, payload: unknown): void {
    if (!reply.ok) return;
    // As the phone does: the sealed result is held with the answer it sent.
    if (reply.sealed)
      this.sealed = { ...(reply.sealed as SealedResult), answer: (payload as { answer: Answer }).answer };
    const you = reply.you as YouMessage | null | undefined;
    // A sync keeps the score changes already shown (as the phone's session controller does).
    if (you && event === 'game:sync' && you.changes.length === 0 && this.me)
      this.learn({ ...you, changes: this.me.changes });
    else if (you) this.learn(you);
    else if (reply.sealed) this.learn(this.me);
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Sends an event and resolves with its acknowledgement. */
  call<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<Reply<Record<string, any>>> {
    return new Promise((resolve) => {
      (this.socket as unknown as { emit(e: string, p: unknown, ack: (r: unknown) => void): void }).emit(
        event,
        payload,
        (reply) => {
          this.noteReply(event, reply as Reply<Record<string, any>>, payload);
          resolve(reply as Reply<Record<string, any>>);
        },
      );
    });
  }

  /** Sends raw arguments (malformed tests): resolves with the ack, if the last argument asks for one. */
  raw(event: string, ...args: unknown[]): Promise<Reply<Record<string, any>>> {
    return new Promise((resolve) => {
      (this.socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args, (reply: unknown) =>
        resolve(reply as Reply<Record<string, any>>),
      );
    });
  }

  /** Resolves with the first payload of `event` (the latest already received included) that passes `test`. */
  waitFor<E extends S2C>(event: E, test: (p: Payload<E>) => boolean = () => true): Promise<Payload<E>> {
    const last = this.latest.get(event);
    if (last !== undefined && test(last as Payload<E>)) return Promise.resolve(last as Payload<E>);
    return new Promise((resolve) =>
      this.waiters.push({ event, test: test as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }),
    );
  }

  view(): GameView | undefined {
    return this.latest.get('room:view') as GameView | undefined;
  }
}

export function expectOk<T extends Reply<Record<string, any>>>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply as Extract<T, { ok: true }>;
}

/** The right answer to a question as presented (from the built-in pack the test knows), or a wrong one. */
export function answerFor(packId: string, pq: PublicQuestion, right: boolean): Answer {
  const q = builtinPack(packId)?.questions.find((x) => x.id === pq.id);
  if (!q) throw new Error(`unknown question ${pq.id}`);
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: right ? q.correct : (q.correct + 1) % q.options.length };
    case 'multi':
      return {
        type: 'multi',
        choices: right ? [...q.correct] : q.options.map((_, i) => i).filter((i) => !q.correct.includes(i)),
      };
    case 'truefalse':
      return { type: 'truefalse', value: right ? q.correct : !q.correct };
    case 'numeric':
      return { type: 'numeric', value: right ? q.correct : q.correct + q.tolerance + 1000 };
    case 'ordering': {
      const order = q.items.map((item) => (pq.items ?? []).indexOf(item));
      return { type: 'ordering', order: right ? order : [...order].reverse() };
    }
    case 'matching': {
      const pairs = q.pairs.map((r) => (pq.right ?? []).indexOf(q.right[r]!));
      return { type: 'matching', pairs: right ? pairs : [...pairs.slice(1), pairs[0]!] };
    }
  }
}
