// One load run against one server process: connect every player in batches, measure memory per player, time K
// question broadcasts, then an answer window spread over 2 s and one with every answer at once, with the server's
// CPU over each window; HostRush runs also go on to a race and deploy. Every wait has a timeout.
import { performance } from 'node:perf_hooks';
import { HostRushDriver, SocketIoFloorDriver, WsFloorDriver, type AckOutcome, type Driver } from './drivers.js';
import { metricValue, ServerProcess, type ServerKind } from './proc.js';
import { Arrivals, max, sleep, within } from './stats.js';
import { probeWindow } from './window-probe.js';

export interface ScenarioSpec {
  rooms: number;
  perRoom: number;
  /** Question broadcasts timed (HostRush: at most 8; the driver goes past the standings between rounds). */
  openings: number;
  /** Questions played (answered over 2 s) before the measured ones, to warm the server up. */
  warmups: number;
  batch: number;
  spreadMs: number;
  deploys: boolean;
  /** Wall-clock budget for the whole run, after which it is abandoned and reported as failed. */
  budgetMs: number;
}

export interface AckPhase {
  /** Answers actually sent (a player that could not send is counted in codes, not here). */
  sent: number;
  ok: number;
  latencies: number[];
  codes: Map<string, number>;
  cpuUs: number;
  systemUs: number;
  procCpuMs: number;
  /** Answers the server counted (hostrush_actions_total{type="answer"} delta); NaN for floors. */
  counted: number;
  /**
   * The server's longest event-loop delay during the phase (GET /metrics, window since the scrape before); NaN for
   * floors.
   */
  loopMaxMs: number;
}

export interface RunResult {
  kind: ServerKind;
  players: number;
  connected: number;
  /** Connecting every socket (batches of 100), then (HostRush) seating every player (`player:join`, batches of 100). */
  connectMs: number;
  joinMs: number;
  /**
   * One whole question, the one answered over 2 s: the server's CPU from the broadcast that opens it to 300 ms after
   * its close (HostRush: the host's `next`, scores, the reveal to everyone); the floors: the broadcast and the acks.
   */
  questionCpuUs: number;
  /**
   * The same for the first question of the run, answered the same way (over 2 s) before the measured ones: cold, the
   * server's JIT still compiling its answer path (spec.warmups > 0; else NaN).
   */
  coldQuestionCpuUs: number;
  /**
   * The server's CPU of each warm-up question after the first two (open, answers over 2 s, close; as for
   * questionCpuUs): their mean spreads the cost of what comes every few questions (a full GC) over the questions
   * that cause it, where the one measured question pays it or not by chance.
   */
  warmQuestionsCpuUs: number[];
  /** Messages each player received over that question (acks not counted). */
  questionMessages: number;
  /** Receive time minus the room's send time, every player of every opening. */
  fanoutAll: number[];
  /** The last player's time, per opening (NaN when someone never got it). */
  fanoutLast: number[];
  fanoutMissing: number;
  spread: AckPhase | null;
  burst: AckPhase | null;
  deploy: AckPhase | null;
  /** HostRush: each host-driven close of a question (scores, reveal to every player). */
  closes: Array<{ cpuUs: number; lastMs: number; missing: number }>;
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
  payloadBytes: number;
  payload: unknown;
  errors: Map<string, number>;
  failed: string | null;
  stderr: string[];
}

function emptyResult(kind: ServerKind, spec: ScenarioSpec): RunResult {
  return {
    kind,
    players: spec.rooms * spec.perRoom,
    connected: 0,
    connectMs: Number.NaN,
    joinMs: Number.NaN,
    questionCpuUs: Number.NaN,
    coldQuestionCpuUs: Number.NaN,
    warmQuestionsCpuUs: [],
    questionMessages: Number.NaN,
    fanoutAll: [],
    fanoutLast: [],
    fanoutMissing: 0,
    spread: null,
    burst: null,
    deploy: null,
    closes: [],
    rssBefore: Number.NaN,
    rssAfter: Number.NaN,
    heapBefore: Number.NaN,
    heapAfter: Number.NaN,
    payloadBytes: Number.NaN,
    payload: null,
    errors: new Map(),
    failed: null,
    stderr: [],
  };
}

const answersCounted = (text: string) =>
  text ? metricValue(text, 'hostrush_actions_total', { type: 'answer' }) : Number.NaN;
const deploysCounted = (text: string) =>
  text ? metricValue(text, 'hostrush_actions_total', { type: 'deploy' }) : Number.NaN;

/** n requests, each at a random time in [0, spreadMs) (0: all in the same tick). */
const sendAll = (n: number, spreadMs: number, send: (i: number) => Promise<AckOutcome>) => () =>
  Promise.all(
    Array.from({ length: n }, (_, i) => (spreadMs > 0 ? sleep(Math.random() * spreadMs).then(() => send(i)) : send(i))),
  );

/** engine.io's default `pingInterval`, which both Socket.IO servers under test keep. */
const HEARTBEAT_MS = 25_000;

async function ackPhase(
  server: ServerProcess,
  run: () => Promise<AckOutcome[]>,
  counter: (metrics: string) => number,
  label: string,
): Promise<AckPhase> {
  const hostrush = server.kind === 'hostrush';
  const before = hostrush ? counter(await server.metrics()) : Number.NaN;
  // LOAD_PROF_WINDOWS=<dir>: a CPU profile of just this window, <dir>/<kind>-<label>.cpuprofile.
  const profiling = Boolean(process.env.LOAD_PROF_WINDOWS);
  // Before the window's figures start: LOAD_PERF's attach wait is not counted in them.
  const probe = await probeWindow(server, label);
  const s0 = await server.stats(false, undefined, profiling ? { start: true } : undefined);
  const p0 = server.procCpuMs();
  const outcomes = await run();
  // Let the work that follows the acks (tallies, private messages, the log written to storage) be counted too.
  await sleep(400);
  const s1 = await server.stats(
    false,
    undefined,
    profiling ? { stop: `${server.kind}-${label}-${server.pid}` } : undefined,
  );
  const p1 = server.procCpuMs();
  await probe.stop();
  const afterText = hostrush ? await server.metrics() : '';
  const after = hostrush ? counter(afterText) : Number.NaN;
  const loopMaxMs = afterText ? metricValue(afterText, 'nodejs_eventloop_lag_max_seconds') * 1000 : Number.NaN;
  const codes = new Map<string, number>();
  let sent = 0;
  let ok = 0;
  const latencies: number[] = [];
  for (const o of outcomes) {
    const unsent = o.code === 'no-player' || o.code === 'no-question' || o.code === 'no-race' || o.code === 'no-card';
    if (!unsent) sent++;
    if (o.ok) {
      ok++;
      latencies.push(o.ms);
    } else {
      codes.set(o.code ?? '?', (codes.get(o.code ?? '?') ?? 0) + 1);
      // A refused deploy (card taken, no capacity) is still an answered request: its latency counts.
      if (!unsent && o.code !== 'timeout' && o.code !== 'disconnected') latencies.push(o.ms);
    }
  }
  return {
    sent,
    ok,
    latencies,
    codes,
    cpuUs: s0 && s1 ? s1.cpuUs - s0.cpuUs : Number.NaN,
    systemUs: s0 && s1 ? s1.systemUs - s0.systemUs : Number.NaN,
    procCpuMs: p1 - p0,
    counted: after - before,
    loopMaxMs,
  };
}

export async function runScenario(
  kind: ServerKind,
  spec: ScenarioSpec,
  floorPayload: unknown,
  log: (line: string) => void,
): Promise<RunResult> {
  const result = emptyResult(kind, spec);
  let server: ServerProcess | null = null;
  let driver: Driver | null = null;
  const started = performance.now();
  const body = async () => {
    server = await ServerProcess.start(kind);
    driver =
      kind === 'hostrush'
        ? new HostRushDriver(server.url, spec.rooms, spec.perRoom)
        : kind === 'floor-socketio'
          ? new SocketIoFloorDriver(server.url, spec.rooms, spec.perRoom, floorPayload)
          : new WsFloorDriver(server.port, spec.rooms, spec.perRoom, floorPayload);
    result.errors = driver.errors;
    const srv = server;
    if (driver instanceof HostRushDriver) driver.cpuUs = async () => (await srv.stats(false))?.cpuUs ?? Number.NaN;
    await driver.prepare();
    const m0 = await server.stats(true);
    result.rssBefore = server.procRssBytes();
    result.heapBefore = m0?.heapUsed ?? Number.NaN;
    const t0 = performance.now();
    await driver.connectAll(spec.batch);
    result.connectMs = performance.now() - t0;
    const connectedAt = performance.now();
    await driver.joinAll(spec.batch);
    result.joinMs = kind === 'hostrush' ? performance.now() - connectedAt : Number.NaN;
    result.connected = driver.connected;
    await sleep(1000);
    const m1 = await server.stats(true);
    result.rssAfter = server.procRssBytes();
    result.heapAfter = m1?.heapUsed ?? Number.NaN;
    log(
      `  ${kind}: ${driver.connected}/${result.players} connected in ${(result.connectMs / 1000).toFixed(1)} s` +
        (kind === 'hostrush' ? `, joined in ${(result.joinMs / 1000).toFixed(1)} s` : ''),
    );

    // engine.io pings each socket 25 s after it connected (its heartbeat, ours and the Socket.IO floor's): the first
    // round brings new shapes to the hot paths (a ping packet, its timers), which deoptimizes them once, and their
    // recompiles landed in whichever window came next (the floor's measured question cost 1.4-2.1x its warm-ups at
    // 2,000). A server that has run for a minute paid that long ago: wait it out before the first question.
    if (kind !== 'floor-ws') await sleep(Math.max(0, connectedAt + HEARTBEAT_MS + 2000 - performance.now()));

    // Warm-ups: questions answered over 2 s like the measured one, so that what is measured is a server whose JIT has
    // compiled its answer path (as in a class's second question, and every one after); the first is reported as cold.
    for (let w = 0; w < spec.warmups; w++) {
      const probe = await probeWindow(server, `warm-up-${w + 1}`);
      const cpu0 = (await server.stats(false))?.cpuUs ?? Number.NaN;
      const arrivals = new Arrivals(driver.connected, 10_000);
      await driver.open({ t0: [], arrivals });
      await sendAll(result.players, spec.spreadMs, (i) => driver!.answer(i))();
      await sleep(400);
      await driver.between();
      const cpuUs = ((await server.stats(false))?.cpuUs ?? Number.NaN) - cpu0;
      await probe.stop();
      if (w === 0) result.coldQuestionCpuUs = cpuUs;
      if (w >= 2) result.warmQuestionsCpuUs.push(cpuUs);
    }
    if (driver instanceof HostRushDriver) driver.closes.length = 0;
    await driver.settle?.();

    let question0: { cpuUs: number; received: number } | null = null;
    for (let k = 0; k < spec.openings; k++) {
      const arrivals = new Arrivals(driver.connected, 10_000);
      if (k === 0) question0 = { cpuUs: (await server.stats(false))?.cpuUs ?? Number.NaN, received: driver.received };
      const openProbe = await probeWindow(server, `open-${k}`);
      await driver.open({ t0: [], arrivals });
      await openProbe.stop();
      result.fanoutAll.push(...arrivals.times);
      result.fanoutLast.push(arrivals.missing > 0 ? Number.NaN : max(arrivals.times));
      result.fanoutMissing += arrivals.missing;
      if (k === 0) {
        const p = driver.payload();
        result.payload = p;
        result.payloadBytes = p === null ? Number.NaN : Buffer.byteLength(JSON.stringify(p));
        result.spread = await ackPhase(
          server,
          sendAll(result.players, spec.spreadMs, (i) => driver!.answer(i)),
          answersCounted,
          'spread',
        );
      } else if (k === 1) {
        result.burst = await ackPhase(
          server,
          sendAll(result.players, 0, (i) => driver!.answer(i)),
          answersCounted,
          'at-once',
        );
      }
      if (k < spec.openings - 1 || (spec.deploys && driver instanceof HostRushDriver)) {
        // LOAD_PROF_WINDOWS: the second close (scores, the reveal to everyone) is profiled too.
        const profiling = Boolean(process.env.LOAD_PROF_WINDOWS) && k === 1;
        if (profiling) await server.stats(false, undefined, { start: true });
        const closeProbe = await probeWindow(server, `close-${k}`);
        await driver.between();
        await closeProbe.stop();
        if (profiling) await server.stats(false, undefined, { stop: `${server.kind}-close-${server.pid}` });
      }
      if (k === 0 && question0) {
        result.questionCpuUs = ((await server.stats(false))?.cpuUs ?? Number.NaN) - question0.cpuUs;
        result.questionMessages = (driver.received - question0.received) / Math.max(1, driver.connected);
      }
    }
    log(`  ${kind}: broadcasts and answers done`);

    if (driver instanceof HostRushDriver) result.closes = driver.closes;
    if (spec.deploys && driver instanceof HostRushDriver) {
      const d = driver;
      if (await d.toRace()) {
        // Each player deploys each card as it arrives with probability 10%, 300-1500 ms after seeing it, for 5 s.
        result.deploy = await ackPhase(
          server,
          async () => {
            d.startDeploys(0.1);
            await sleep(5000);
            return d.stopDeploys();
          },
          deploysCounted,
          'deploys',
        );
      } else {
        d.errors.set('race-not-reached', 1);
      }
    }
  };
  const budget = within(
    body().then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
    spec.budgetMs,
    () => `gave up after ${(spec.budgetMs / 1000).toFixed(0)} s`,
  );
  result.failed = await budget;
  const d = driver as Driver | null;
  const s = server as ServerProcess | null;
  await within(d?.close() ?? Promise.resolve(), 10_000, () => undefined);
  if (s) {
    result.stderr = s.stderr.slice(0, 20);
    await s.stop();
  }
  log(
    `  ${kind}: ${result.failed ? `FAILED (${result.failed})` : 'ok'} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return result;
}
