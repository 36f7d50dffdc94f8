// `npm run bench cluster [-- --quick | --sizes=200,1000 --openings=8 --procs=3 --no-fast-acks]`: the same game as
// bench/load on three server processes (server/main.ts) sharing Redis and PostgreSQL, the room created on the first
// and its players spread round-robin over all three; then on one process with the same storage (PostgreSQL, no
// REDIS_URL) as the baseline; figures for both and the ratios (three / one). Servers on core 0, bots on core 1, as in
// bench/load. Needs DATABASE_URL (postgres://) and REDIS_URL. Env CLUSTER_SIZES, CLUSTER_QUICK=1 as the flags.
// A third run, three processes with HOSTRUSH_DURABLE_ACKS=0 (acked before the answer is stored, as one process does),
// separates the cost of routing from that of durable acks; --no-fast-acks leaves it out.
import type { Figure } from '../engine.js';
import { flag, sizeOptions } from '../load/index.js';
import { canPin, onBotCore } from '../load/proc.js';
import { percentile } from '../load/stats.js';
import { runCluster, type AnswerPhase, type ClusterResult, type ClusterSpec } from './scenario.js';

export interface ClusterOptions {
  sizes: number[];
  procs: number;
  openings: number;
  fastAcks: boolean;
}

export function clusterOptions(): ClusterOptions {
  const { sizes, openings } = sizeOptions('CLUSTER', '200', '200,1000');
  const procs = Math.min(8, Math.max(2, Number(flag('procs') ?? 3) || 3));
  return { sizes, procs, openings, fastAcks: flag('no-fast-acks') === undefined };
}

const kb = (bytes: number) => bytes / 1024;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const NAMES = 'ABCDEFGH';

function lostOf(p: AnswerPhase): number {
  // Sent but not acked ok, or acked but not counted or not stored: whichever is worse.
  return Math.max(p.sent - p.ok, p.ok - p.counted, p.ok - p.stored);
}

function cpuPerAnswer(p: AnswerPhase | null): number {
  return p && p.ok > 0 ? sum(p.cpuUsBy) / p.ok : Number.NaN;
}

function rssPerPlayer(r: ClusterResult): number {
  return kb(sum(r.memory.map((m) => m.rssAfter - m.rssBefore))) / Math.max(1, r.connected);
}

function runFigures(prefix: string, r: ClusterResult): Figure[] {
  const f: Figure[] = [];
  const many = r.spec.procs > 1;
  const name = (k: number) => NAMES[k] ?? String(k);
  f.push({ name: `${prefix} players seated (+1 idle)`, value: r.connected, unit: 'players' });
  if (many)
    r.connectedBy.forEach((n, k) =>
      f.push({ name: `${prefix}   seated on ${name(k)}${k === 0 ? ' (owner)' : ''}`, value: n, unit: 'players' }),
    );
  f.push({ name: `${prefix} connect + join (batches of 100)`, value: r.connectMs / 1000, unit: 's' });
  f.push({ name: `${prefix} idle CPU, lobby of all players, all processes`, value: r.idleCpuMsPerS, unit: 'ms/s' });
  f.push({ name: `${prefix} question fan-out p50 over players`, value: percentile(r.fanoutAll, 50), unit: 'ms' });
  f.push({ name: `${prefix} question fan-out p99 over players`, value: percentile(r.fanoutAll, 99), unit: 'ms' });
  f.push({
    name: `${prefix} question to last player, p50 of ${r.fanoutLast.length}`,
    value: percentile(r.fanoutLast, 50),
    unit: 'ms',
  });
  f.push({
    name: `${prefix} question to last player, p99 of ${r.fanoutLast.length}`,
    value: percentile(r.fanoutLast, 99),
    unit: 'ms',
  });
  if (many)
    r.lastBy.forEach((xs, k) =>
      f.push({ name: `${prefix}   last player on ${name(k)}, p50`, value: percentile(xs, 50), unit: 'ms' }),
    );
  const missing = sum(r.missingBy);
  f.push({
    name: `${prefix} question broadcasts never received`,
    value: missing,
    unit: 'players',
    goal: missing === 0 ? 'none: PASS' : 'none: MISS',
  });
  for (const [label, p] of [
    ['spread over 2 s', r.spread],
    ['all at once', r.burst],
  ] as const) {
    if (!p) {
      f.push({ name: `${prefix} answers ${label}: not measured`, value: Number.NaN, unit: '' });
      continue;
    }
    f.push({ name: `${prefix} answers ${label}: ack p50`, value: percentile(p.latencies, 50), unit: 'ms' });
    f.push({ name: `${prefix} answers ${label}: ack p95`, value: percentile(p.latencies, 95), unit: 'ms' });
    f.push({ name: `${prefix} answers ${label}: ack p99`, value: percentile(p.latencies, 99), unit: 'ms' });
    if (many) {
      const others = p.latenciesBy.slice(1).flat();
      f.push({
        name: `${prefix}   ack p50, sockets on the owner A`,
        value: percentile(p.latenciesBy[0] ?? [], 50),
        unit: 'ms',
      });
      f.push({ name: `${prefix}   ack p50, sockets elsewhere (routed)`, value: percentile(others, 50), unit: 'ms' });
    }
    const lost = lostOf(p);
    f.push({
      name: `${prefix} answers ${label}: sent / acked / counted / stored`,
      value: p.sent,
      unit: `/ ${p.ok} / ${p.counted} / ${p.stored}`,
    });
    f.push({
      name: `${prefix} answers ${label}: lost`,
      value: lost,
      unit: 'answers',
      goal: lost === 0 ? 'none: PASS' : 'none: MISS',
    });
    f.push({ name: `${prefix} answers ${label}: CPU per answer, all processes`, value: cpuPerAnswer(p), unit: 'us' });
    if (many)
      p.cpuUsBy.forEach((us, k) =>
        f.push({ name: `${prefix}   CPU per answer on ${name(k)}`, value: us / Math.max(1, p.ok), unit: 'us' }),
      );
    f.push({
      name: `${prefix}   same from /proc/<pid>/stat (10 ms ticks)`,
      value: (p.procCpuMs * 1000) / Math.max(1, p.ok),
      unit: 'us',
    });
    if (many)
      f.push({
        name: `${prefix}   Redis server CPU per answer (shared Redis)`,
        value: (p.redisCpuMs * 1000) / Math.max(1, p.ok),
        unit: 'us',
      });
  }
  f.push({ name: `${prefix} resident memory per player, all processes`, value: rssPerPlayer(r), unit: 'KB' });
  r.memory.forEach((m, k) => {
    const n = Math.max(1, m.players);
    f.push({
      name: `${prefix}   on ${name(k)}: resident / heap per own player`,
      value: kb(m.rssAfter - m.rssBefore) / n,
      unit: `KB / ${(kb(m.heapAfter - m.heapBefore) / n).toFixed(1)} KB`,
    });
  });
  const reveals = r.closes.map((c) => c.lastMs);
  if (reveals.length > 0)
    f.push({
      name: `${prefix} close a question: reveal to last player p50`,
      value: percentile(reveals, 50),
      unit: 'ms',
    });
  const errors = sum([...r.errors.values()]);
  f.push({
    name: `${prefix} errors (connect, join, disconnect, host)`,
    value: errors,
    unit: 'errors',
    goal: errors === 0 ? 'none: PASS' : 'none: MISS',
  });
  return f;
}

function ratioFigures(prefix: string, three: ClusterResult, one: ClusterResult): Figure[] {
  const ratio = (a: number, b: number) => a / b;
  const q = (r: ClusterResult, p: 'spread' | 'burst', pct: number) => percentile(r[p]?.latencies ?? [], pct);
  return [
    {
      name: `${prefix} question to last player p50`,
      value: ratio(percentile(three.fanoutLast, 50), percentile(one.fanoutLast, 50)),
      unit: 'x',
    },
    {
      name: `${prefix} question to last player p99`,
      value: ratio(percentile(three.fanoutLast, 99), percentile(one.fanoutLast, 99)),
      unit: 'x',
    },
    {
      name: `${prefix} answers spread: ack p50`,
      value: ratio(q(three, 'spread', 50), q(one, 'spread', 50)),
      unit: 'x',
    },
    {
      name: `${prefix} answers spread: ack p99`,
      value: ratio(q(three, 'spread', 99), q(one, 'spread', 99)),
      unit: 'x',
    },
    { name: `${prefix} answers at once: ack p50`, value: ratio(q(three, 'burst', 50), q(one, 'burst', 50)), unit: 'x' },
    { name: `${prefix} answers at once: ack p99`, value: ratio(q(three, 'burst', 99), q(one, 'burst', 99)), unit: 'x' },
    {
      name: `${prefix} CPU per answer, spread (sum of processes)`,
      value: ratio(cpuPerAnswer(three.spread), cpuPerAnswer(one.spread)),
      unit: 'x',
    },
    {
      name: `${prefix} CPU per answer, at once (sum of processes)`,
      value: ratio(cpuPerAnswer(three.burst), cpuPerAnswer(one.burst)),
      unit: 'x',
    },
    {
      name: `${prefix} resident memory per player (sum of processes)`,
      value: ratio(rssPerPlayer(three), rssPerPlayer(one)),
      unit: 'x',
    },
  ];
}

function details(r: ClusterResult): string[] {
  const codes = (m: Map<string, number> | undefined) =>
    m && m.size > 0 ? [...m].map(([k, v]) => `${k}=${v}`).join(' ') : 'none';
  const parts = [
    `errors: ${codes(r.errors)}`,
    `spread refusals: ${codes(r.spread?.codes)}`,
    `at-once refusals: ${codes(r.burst?.codes)}`,
  ];
  if (r.failed) parts.push(`FAILED: ${r.failed}`);
  return [`  ${r.spec.players} ${r.spec.label}: ${parts.join('; ')} (${r.seconds.toFixed(0)} s)`, ...r.notes];
}

export async function clusterBench(): Promise<Figure[]> {
  const opts = clusterOptions();
  const log = (line: string) => console.log(line);
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl) || !redisUrl) {
    log(
      'cluster: skipped: set REDIS_URL (redis://127.0.0.1:6379) and ' +
        'DATABASE_URL (postgres://postgres@127.0.0.1:5432/test).',
    );
    return [{ name: 'cluster: not measured (REDIS_URL and DATABASE_URL needed)', value: Number.NaN, unit: '' }];
  }
  const intro =
    `servers on core 0, bots on core 1 (${canPin ? 'taskset' : 'NOT pinned'}); ` +
    `${opts.procs} processes vs 1, sizes ${opts.sizes.join(', ')}`;
  const legend =
    '  (CPU: process.cpuUsage of each server over the answer window + 400 ' +
    'ms; memory: VmRSS and heap after GC, before and 1 s after seating)';
  return onBotCore('cluster', intro, legend, log, async (figures, notes) => {
    for (const players of opts.sizes) {
      const base = {
        players,
        openings: opts.openings,
        spreadMs: 2000,
        batch: 100,
        budgetMs: 40_000 + players * 30,
        databaseUrl,
        redisUrl,
      };
      const specs: ClusterSpec[] = [
        { ...base, label: `${opts.procs} procs`, procs: opts.procs },
        ...(opts.fastAcks
          ? [
              {
                ...base,
                label: `${opts.procs} procs, acks not durable`,
                procs: opts.procs,
                env: { HOSTRUSH_DURABLE_ACKS: '0' },
              },
            ]
          : []),
        { ...base, label: '1 proc', procs: 1 },
      ];
      const results: ClusterResult[] = [];
      for (const spec of specs) {
        log(`cluster 1x${players}, ${spec.label}:`);
        const r = await runCluster(spec, log);
        results.push(r);
        figures.push(...runFigures(`cluster 1x${players} ${spec.label}:`, r));
        notes.push(...details(r));
      }
      const one = results[results.length - 1];
      for (const many of results.slice(0, -1)) {
        if (one) figures.push(...ratioFigures(`cluster 1x${players} ratio ${many.spec.label} / 1:`, many, one));
      }
    }
  });
}
