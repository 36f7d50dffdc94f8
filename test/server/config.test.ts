// The configuration (server/config.ts): every variable read and checked in one place, each in the README's table,
// bad values listed together and stopping the start, unknown HOSTRUSH_* variables warned about; the limits that
// are variables take effect; GET /readyz answers for balancers.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, KNOWN_VARIABLES, readConfig } from '../../server/config.js';
import { createStorage } from '../../server/storage/index.js';
import { serverArgs } from '../built-server.js';
import { expectOk, startServer, type TestServer } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readConfig', () => {
  it('defaults: port 3000, SQLite at data/hostrush.db, one process, the limits as documented', () => {
    const { config, warnings } = readConfig({});
    expect(warnings).toEqual([]);
    expect(config.port).toBe(3000);
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.app).toMatchObject({
      sqlitePath: 'data/hostrush.db',
      retentionDays: 365,
      maxRooms: 2000,
      maxPlayersPerRoom: 5000,
    });
    expect(config.app.cluster).toBeUndefined();
    expect(config.app.databaseUrl).toBeUndefined();
    expect(config.app.durableAcks).toBeUndefined();
  });

  it('reads every variable into the options the app is given', () => {
    const { config } = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/quiz',
      REDIS_URL: 'redis://cache:6379',
      TRUST_PROXY: '1',
      PUBLIC_URL: 'https://quiz.school.example',
      HOSTRUSH_OPERATOR_KEY: 'k'.repeat(24),
      RETENTION_DAYS: 'off',
      HOSTRUSH_DURABLE_ACKS: '0',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SOCKET_TRANSPORTS: 'websocket,polling',
      HOSTRUSH_PG_SCHEMA: 'school_a',
      HOSTRUSH_NODE_ID: 'node-1',
      HOSTRUSH_REDIS_PREFIX: 'hr',
      HOSTRUSH_LEASE_MS: '5000',
      HOSTRUSH_MAX_ROOMS: '50',
      HOSTRUSH_MAX_PLAYERS_PER_ROOM: '300',
      HOSTRUSH_SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(config.port).toBe(8080);
    expect(config.shutdownTimeoutMs).toBe(2500);
    expect(config.app).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/quiz',
      trustProxy: 1,
      publicUrl: 'https://quiz.school.example',
      operatorKey: 'k'.repeat(24),
      retentionDays: null,
      corsOrigins: ['https://a.example', 'https://b.example'],
      transports: ['websocket', 'polling'],
      pgSchema: 'school_a',
      maxRooms: 50,
      maxPlayersPerRoom: 300,
      cluster: { redisUrl: 'redis://cache:6379', nodeId: 'node-1', prefix: 'hr', leaseMs: 5000, durableAcks: false },
    });
    expect(config.app.sqlitePath).toBeUndefined();
    // One process: HOSTRUSH_DURABLE_ACKS=1 turns durable acks on.
    expect(readConfig({ HOSTRUSH_DURABLE_ACKS: '1', SQLITE_PATH: ':memory:' }).config.app).toMatchObject({
      durableAcks: true,
      sqlitePath: ':memory:',
    });
  });

  it('a blank variable is unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: ' ', REDIS_URL: '' }).config).toMatchObject({
      port: 3000,
      app: { sqlitePath: 'data/hostrush.db' },
    });
  });

  it('lists every bad variable at once, each by name, secrets not echoed', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/quiz',
      REDIS_URL: 'cache:6379',
      TRUST_PROXY: 'not an address!',
      PUBLIC_URL: 'quiz.school.example',
      HOSTRUSH_OPERATOR_KEY: 'short-secret',
      RETENTION_DAYS: '-3',
      HOSTRUSH_DURABLE_ACKS: 'yes',
      SOCKET_TRANSPORTS: 'websocket,carrier-pigeon',
      HOSTRUSH_PG_SCHEMA: 'Robert"); DROP',
      HOSTRUSH_LEASE_MS: '10',
      HOSTRUSH_MAX_PLAYERS_PER_ROOM: '0',
      HOSTRUSH_MAX_ROOMS: '2.5',
    });
    const names = found.map((p) => p.split(':')[0]);
    expect(names.sort()).toEqual(
      [
        'PORT',
        'DATABASE_URL',
        'REDIS_URL',
        'TRUST_PROXY',
        'PUBLIC_URL',
        'HOSTRUSH_OPERATOR_KEY',
        'RETENTION_DAYS',
        'HOSTRUSH_DURABLE_ACKS',
        'SOCKET_TRANSPORTS',
        'HOSTRUSH_PG_SCHEMA',
        'HOSTRUSH_LEASE_MS',
        'HOSTRUSH_MAX_PLAYERS_PER_ROOM',
        'HOSTRUSH_MAX_ROOMS',
      ].sort(),
    );
    const text = found.join('\n');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('short-secret');
    expect(text).toContain("(got 'eighty')");
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT: must be at most 65535/);
  });

  it(
    'warns about an unknown HOSTRUSH_* variable (a typo), naming the ones it ' +
      'reads; other variables are not its business',
    () => {
      const { warnings } = readConfig({ HOSTRUSH_MAX_PLAYER: '100', HOME: '/root', npm_lifecycle_event: 'start' });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('unknown variable HOSTRUSH_MAX_PLAYER is ignored');
      expect(warnings[0]).toContain('HOSTRUSH_MAX_PLAYERS_PER_ROOM');
    },
  );

  it('every variable it reads is in the README table, and the table lists no other', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
    );
    const table = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(table.sort()).toEqual([...KNOWN_VARIABLES].sort());
  });
});

describe('the limits that are variables', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('HOSTRUSH_MAX_PLAYERS_PER_ROOM and HOSTRUSH_MAX_ROOMS reach the rooms', async () => {
    const { config } = readConfig({
      HOSTRUSH_MAX_PLAYERS_PER_ROOM: '2',
      HOSTRUSH_MAX_ROOMS: '1',
      RETENTION_DAYS: 'off',
    });
    server = await startServer({ ...config.app, storage: await createStorage({ sqlitePath: ':memory:' }) });
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: 'warmup-en', options: {} }));
    for (const name of ['Ada', 'Bo'])
      expectOk(await (await server.client()).call('player:join', { roomCode: created.roomCode, name }));
    const third = await (await server.client()).call('player:join', { roomCode: created.roomCode, name: 'Cy' });
    expect(third).toMatchObject({ ok: false, error: { code: 'room/full' } });
    const second = await (await server.client()).call('room:create', { packId: 'warmup-en', options: {} });
    expect(second).toMatchObject({ ok: false, error: { code: 'room/limit' } });
    expect(DEFAULTS.maxPlayersPerRoom).toBe(5000);
  });
});

describe('GET /readyz', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('200 while the database answers', async () => {
    server = await startServer();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'ok' });
  });

  it('503 when the database fails or does not answer within a second; 200 again once it does', async () => {
    const inner = await createStorage({ sqlitePath: ':memory:' });
    let mode: 'ok' | 'fail' | 'hang' = 'ok';
    const storage = new Proxy(inner, {
      get(target, key, receiver) {
        if (key === 'ping') {
          return () =>
            mode === 'fail'
              ? Promise.reject(new Error('disk I/O error'))
              : mode === 'hang'
                ? new Promise(() => {})
                : target.ping();
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    server = await startServer({ storage });
    mode = 'fail';
    let res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'down' });
    mode = 'hang';
    res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'timeout' });
    mode = 'ok';
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it(
    '503 stopping once a shutdown has begun (the balancer sends no one new), ' + 'while /healthz still answers',
    async () => {
      server = await startServer();
      const app = server.app;
      // Hold the shutdown's first step (storing a room) open, to look at the server meanwhile.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const manager = app.manager();
      const close = manager.close.bind(manager);
      manager.close = async () => {
        await held;
        await close();
      };
      const closing = app.close();
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, server: 'stopping' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      release();
      await closing;
      server = null;
    },
  );
});

describe('the server at start (built, real process)', () => {
  function runServer(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    const child = spawn(process.execPath, serverArgs(), {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SQLITE_PATH: ':memory:', REDIS_URL: '', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const collect = (c: Buffer) => {
      out += c.toString();
      // Started: enough seen, stop it (gracefully).
      if (/serving on/.test(out)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    return new Promise((resolve) =>
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      }),
    );
  }

  it('a bad configuration stops the start: exit 1, every problem listed, no stack', async () => {
    const { code, out } = await runServer({
      PORT: 'eighty',
      HOSTRUSH_OPERATOR_KEY: 'short',
      SOCKET_TRANSPORTS: 'smoke',
    });
    expect(code, out).toBe(1);
    expect(out).toContain('HostRush could not start: the configuration is not valid:');
    expect(out).toMatch(/- PORT: must be a whole number/);
    expect(out).toMatch(/- HOSTRUSH_OPERATOR_KEY: must be at least 20 characters/);
    expect(out).toMatch(/- SOCKET_TRANSPORTS: each must be websocket or polling/);
    expect(out).not.toMatch(/\n\s+at [\w.<]+ \(/);
  });

  it('an unknown HOSTRUSH_* variable is warned about, and the server starts', async () => {
    const { code, out } = await runServer({ HOSTRUSH_OPERATORKEY: 'x'.repeat(30) });
    expect(out).toContain('HostRush: unknown variable HOSTRUSH_OPERATORKEY is ignored');
    expect(out).toContain('serving on');
    expect(code, out).toBe(0);
  });
});
