// Real server processes for the multi-process tests: the built server, `node dist/server/main.js` (one process
// per server, so `kill -9` really kills it), all on the same Redis and PostgreSQL, each listening on a port of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';
import { io as connect } from 'socket.io-client';
import { serverArgs } from '../built-server.js';
import { TestClient } from '../server/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Rejects with `what` when `promise` takes longer than `ms` (every wait in these tests is bounded). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ServerProcess {
  url = '';
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly clients: TestClient[] = [];

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Resolves once the process says which port it listens on. */
  ready(ms: number): Promise<void> {
    return within(
      new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          const text = chunk.toString();
          this.output.push(text);
          const m = /serving on (http:\/\/localhost:\d+)/.exec(text);
          if (m) {
            this.url = m[1]!.replace('localhost', '127.0.0.1');
            resolve();
          }
        };
        this.child.stdout?.on('data', onData);
        this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
        void this.exited.then((code) => reject(new Error(`${this.name} exited (${code}): ${this.output.join('')}`)));
      }),
      ms,
      `${this.name} to start`,
    );
  }

  /** A socket.io-client on this process, WebSocket only (as the deployment's clients are). */
  async client(): Promise<TestClient> {
    const c = new TestClient(connect(this.url, { transports: ['websocket'], forceNew: true, reconnection: false }));
    this.clients.push(c);
    await within(c.connected(), 5000, `a client to connect to ${this.name}`);
    return c;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill9(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.socket.disconnect();
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    await within(this.exited, 5000, `${this.name} to stop`).catch(() => this.child.kill('SIGKILL'));
  }

  async metric(name: string): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    let sum = 0;
    for (const line of text.split('\n'))
      if (line.startsWith(name) && !line.startsWith('#')) sum += Number(line.split(' ').pop());
    return sum;
  }
}

export function startProcess(name: string, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, serverArgs(), {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new ServerProcess(name, child);
}

/** Drops what a multi-process test left in the shared services: its PostgreSQL schema and its Redis keys. */
export async function dropClusterState(
  databaseUrl: string | undefined,
  schema: string,
  redisUrl: string | undefined,
  keyPrefix: string,
): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => db.end());
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length > 0) await redis.del(keys);
  await redis.close();
}
