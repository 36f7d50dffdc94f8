// One cluster-bench run: n server processes (server/main.ts) on a fresh PostgreSQL schema (and, for n > 1, a fresh
// Redis prefix), one room created on the first, its players spread round-robin over all of them. Measured as in
// bench/load: question fan-out to the last player, answer acks spread over 2 s and all at once, answers sent /
// acked / counted by the servers / stored in the room's log, CPU per answer summed over the processes, resident
// memory and heap per player per process. Every wait has a timeout; every child is stopped in a finally.
import { performance } from 'node:perf_hooks';
import type { AckOutcome } from '../load/drivers.js';
import { Arrivals, max, sleep, within } from '../load/stats.js';
import { ClusterDriver } from './driver.js';
import { dropRun, redisCpuMs, runNames, ServerNode, storedAnswers } from './procs.js';

export interface ClusterSpec {
  /** Label in the figures ('3 procs', '1 proc'). */
  label: string;
  procs: number;
  players: number;
  openings: number;
  spreadMs: number;
  batch: number;
  budgetMs: number;
  databaseUrl: string;
  /** Used only when procs > 1: one process runs without REDIS_URL, as a single-process deployment does. */
  redisUrl: string | undefined;
  /** Extra environment for the servers (e.g. HOSTRUSH_DURABLE_ACKS=0). */
  env?: Record<string, string>;
}

export interface AnswerPhase {
  sent: number;
  ok: number;
  latencies: number[];
  /** Latencies of players whose socket is on each process (the first process owns the room). */
  latenciesBy: number[][];
  codes: Map<string, number>;
  /** CPU of each process over the window (process.cpuUsage, us). */
  cpuUsBy: number[];
  /** Same from /proc/<pid>/stat (10 ms ticks), ms, summed over the processes. */
  procCpuMs: number;
  /** Redis server CPU over the window (INFO cpu; Redis is shared, others' work counts too), ms. */
  redisCpuMs: number;
  /** hostrush_actions_total{type="answer"} delta, summed over the processes. */
  counted: number;
  /** Answer actions for this question in the room's log in PostgreSQL (read at the end of the run). */
  stored: number;
  questionId: string | null;
}

export interface ProcMemory {
  players: number;
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
}

export interface ClusterResult {
  spec: ClusterSpec;
  connected: number;
  connectedBy: number[];
  connectMs: number;
  fanoutAll: number[];
  fanoutLast: number[];
  /** Per process, the last of its players per opening. */
  lastBy: number[][];
  missingBy: number[];
  closes: Array<{ lastMs: number; missing: number }>;
  spread: AnswerPhase | null;
  burst: AnswerPhase | null;
  memory: ProcMemory[];
  /** CPU of the processes with every player seated and nothing happening (leases, pings), ms per second, summed. */
  idleCpuMsPerS: number;
  errors: Map<string, number>;
  failed: string | null;
  notes: string[];
  seconds: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function answerPhase(
  nodes: ServerNode[],
  driver: ClusterDriver,
  players: number,
  spreadMs: number,
  redisUrl: string | undefined,
): Promise<AnswerPhase> {
  const counter = async () =>
    sum(await Promise.all(nodes.map((n) => n.metric('hostrush_actions_total', { type: 'answer' }))));
  const before = await counter();
  const r0 = await redisCpuMs(redisUrl);
  const s0 = await Promise.all(nodes.map((n) => n.stats(false)));
  const p0 = nodes.map((n) => n.procCpuMs());
  const outcomes: AckOutcome[] = await Promise.all(
    Array.from({ length: players }, (_, i) =>
      spreadMs > 0 ? sleep(Math.random() * spreadMs).then(() => driver.answer(i)) : driver.answer(i),
    ),
  );
  // Let the work that follows the acks (tallies, the log written to storage) be counted too, as bench/load does.
  await sleep(400);
  const s1 = await Promise.all(nodes.map((n) => n.stats(false)));
  const p1 = nodes.map((n) => n.procCpuMs());
  const r1 = await redisCpuMs(redisUrl);
  const after = await counter();
  const codes = new Map<string, number>();
  const latenciesBy = nodes.map(() => [] as number[]);
  let sent = 0;
  let ok = 0;
  const latencies: number[] = [];
  outcomes.forEach((o, i) => {
    if (o.code !== 'no-player' && o.code !== 'no-question') sent++;
    if (o.ok) {
      ok++;
      latencies.push(o.ms);
      latenciesBy[driver.procOf(i)]?.push(o.ms);
    } else codes.set(o.code ?? '?', (codes.get(o.code ?? '?') ?? 0) + 1);
  });
  return {
    sent,
    ok,
    latencies,
    latenciesBy,
    codes,
    cpuUsBy: nodes.map((_, k) => {
      const a = s0[k];
      const b = s1[k];
      return a && b ? b.cpuUs - a.cpuUs : Number.NaN;
    }),
    procCpuMs: sum(nodes.map((_, k) => (p1[k] ?? Number.NaN) - (p0[k] ?? Number.NaN))),
    redisCpuMs: r1 - r0,
    counted: after - before,
    stored: Number.NaN,
    questionId: null,
  };
}

export async function runCluster(spec: ClusterSpec, log: (line: string) => void): Promise<ClusterResult> {
  const started = performance.now();
  const result: ClusterResult = {
    spec,
    connected: 0,
    connectedBy: [],
    connectMs: Number.NaN,
    fanoutAll: [],
    fanoutLast: [],
    lastBy: Array.from({ length: spec.procs }, () => []),
    missingBy: Array.from({ length: spec.procs }, () => 0),
    closes: [],
    spread: null,
    burst: null,
    memory: [],
    idleCpuMsPerS: Number.NaN,
    errors: new Map(),
    failed: null,
    notes: [],
    seconds: Number.NaN,
  };
  const { schema, prefix } = runNames(spec.procs > 1 ? `p${spec.procs}` : 'p1');
  const cluster = spec.procs > 1;
  const env: Record<string, string | undefined> = {
    ...spec.env,
    DATABASE_URL: spec.databaseUrl,
    HOSTRUSH_PG_SCHEMA: schema,
    REDIS_URL: cluster ? spec.redisUrl : undefined,
    HOSTRUSH_REDIS_PREFIX: cluster ? prefix : undefined,
  };
  const nodes: ServerNode[] = [];
  let driver: ClusterDriver | null = null;
  let abandoned = false;
  // A process that comes up after the run was abandoned (budget spent) is stopped at once.
  const keep = (n: ServerNode) => {
    nodes.push(n);
    if (abandoned) void n.stop();
  };
  const body = async () => {
    // The first process alone first (it runs the schema's migrations), then the others.
    keep(await ServerNode.start('A', env));
    const rest = await Promise.allSettled(
      Array.from({ length: spec.procs - 1 }, (_, k) => ServerNode.start(String.fromCharCode(66 + k), env)),
    );
    for (const r of rest) if (r.status === 'fulfilled') keep(r.value);
    const refused = rest.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refused) throw refused.reason instanceof Error ? refused.reason : new Error(String(refused.reason));
    const d = new ClusterDriver(
      nodes.map((n) => n.url),
      spec.players,
    );
    driver = d;
    result.errors = d.errors;
    await d.prepare();
    const m0 = await Promise.all(nodes.map((n) => n.stats(true)));
    const rss0 = nodes.map((n) => n.procRssBytes());
    const t0 = performance.now();
    await d.connectAll(spec.batch);
    result.connectMs = performance.now() - t0;
    result.connected = d.connected;
    result.connectedBy = [...d.connectedBy];
    await sleep(1000);
    const m1 = await Promise.all(nodes.map((n) => n.stats(true)));
    const rss1 = nodes.map((n) => n.procRssBytes());
    result.memory = nodes.map((_, k) => ({
      players: d.connectedBy[k] ?? 0,
      rssBefore: rss0[k] ?? Number.NaN,
      rssAfter: rss1[k] ?? Number.NaN,
      heapBefore: m0[k]?.heapUsed ?? Number.NaN,
      heapAfter: m1[k]?.heapUsed ?? Number.NaN,
    }));
    const i0 = await Promise.all(nodes.map((n) => n.stats(false)));
    const it0 = performance.now();
    await sleep(1500);
    const i1 = await Promise.all(nodes.map((n) => n.stats(false)));
    const idleUs = sum(nodes.map((_, k) => (i1[k]?.cpuUs ?? Number.NaN) - (i0[k]?.cpuUs ?? Number.NaN)));
    result.idleCpuMsPerS = idleUs / (performance.now() - it0);
    log(
      `  ${spec.label}: ${d.connected}/${spec.players + 1} seated in ${(result.connectMs / 1000).toFixed(1)} ` +
        `s (per process ${d.connectedBy.join(' / ')}), room ${d.roomCode}`,
    );

    for (let k = 0; k < spec.openings; k++) {
      const arrivals = new Arrivals(d.connected, 10_000);
      await d.open({ t0: [], arrivals });
      result.fanoutAll.push(...arrivals.times);
      result.fanoutLast.push(arrivals.missing > 0 ? Number.NaN : max(arrivals.times));
      const by = d.lastBy[d.lastBy.length - 1];
      by?.last.forEach((ms, p) => result.lastBy[p]?.push(ms));
      by?.missing.forEach((n, p) => (result.missingBy[p] = (result.missingBy[p] ?? 0) + n));
      if (k === 0) {
        result.spread = await answerPhase(nodes, d, spec.players, spec.spreadMs, cluster ? spec.redisUrl : undefined);
        result.spread.questionId = d.questionIds[k] ?? null;
      } else if (k === 1) {
        result.burst = await answerPhase(nodes, d, spec.players, 0, cluster ? spec.redisUrl : undefined);
        result.burst.questionId = d.questionIds[k] ?? null;
      }
      if (k < spec.openings - 1) await d.between();
    }
    result.closes = d.closes;
    // What the game stored: answer actions per question in the room's log, read from PostgreSQL.
    await sleep(500);
    const stored = await storedAnswers(spec.databaseUrl, schema, d.roomCode);
    for (const phase of [result.spread, result.burst])
      if (phase?.questionId) phase.stored = stored.get(phase.questionId) ?? 0;
    log(`  ${spec.label}: broadcasts and answers done`);
  };
  try {
    result.failed = await within(
      body().then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
      spec.budgetMs,
      () => `gave up after ${(spec.budgetMs / 1000).toFixed(0)} s`,
    );
  } finally {
    abandoned = true;
    const d = driver as ClusterDriver | null;
    await within(d?.close() ?? Promise.resolve(), 10_000, () => undefined).catch(() => undefined);
    // A process that failed to start may still be running: ServerNode.start kills those it gives up on.
    await Promise.allSettled(nodes.map((n) => n.stop()));
    for (const n of nodes) n.kill9();
    if (result.failed)
      for (const n of nodes) result.notes.push(`  ${spec.label} ${n.name}: ${n.output.slice(-4).join(' | ')}`);
    for (const n of nodes) {
      const errs = n.output.filter((l) => /error|could not|fail/i.test(l)).slice(0, 3);
      if (errs.length > 0) result.notes.push(`  ${spec.label} ${n.name} said: ${errs.join(' | ')}`);
    }
    const problems = await dropRun(spec.databaseUrl, cluster ? spec.redisUrl : undefined, schema, prefix);
    result.notes.push(...problems.map((p) => `  ${spec.label}: ${p}`));
  }
  result.seconds = (performance.now() - started) / 1000;
  log(`  ${spec.label}: ${result.failed ? `FAILED (${result.failed})` : 'ok'} in ${result.seconds.toFixed(1)} s`);
  return result;
}
