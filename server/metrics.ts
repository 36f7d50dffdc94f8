// GET /metrics on prom-client: the app's counters, gauges and histograms in one registry per app (no globals; tests
// run several apps in one process), and prom-client's default process metrics (CPU, resident memory, heap, GC,
// event-loop lag, handles) in one registry per process, since they describe the process. Several processes: each
// exposes its own, and the scraper sums them. On the hot path (every socket event counts, every ack and broadcast is
// timed) prom-client costs about what the hand-made counters did: ~120 ns per labelled inc (they took ~170 ns) and
// ~125-170 ns per histogram observation (Node 20, 2 x EPYC).
import client from 'prom-client';

type Labels = Record<string, string>;

/**
 * The process's default metrics, registered once by the first app that asks. The event-loop lag is measured at
 * 10 ms resolution (perf_hooks.monitorEventLoopDelay) and restarts at each scrape, so
 * `nodejs_eventloop_lag_max_seconds`
 * is the longest delay since the previous scrape (bench/load reads it per answer window).
 */
let processRegistry: client.Registry | null = null;
function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

/**
 * Seconds buckets from 0.5 ms to 5 s: an ack in a burst of 2,000 answers should be under 150 ms (docs/BENCHMARKS.md).
 */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];
/** Sockets reached by one broadcast: one device to a room of 2,500. */
export const FANOUT_SOCKET_BUCKETS = [1, 2, 5, 10, 30, 100, 300, 1000, 2500];

export class Metrics {
  readonly registry = new client.Registry();
  private readonly counters = new Map<string, client.Counter>();
  private readonly histograms = new Map<string, client.Histogram>();

  /** A counter; `labelNames` lists every label its `inc` calls may pass. Declaring one twice keeps the first. */
  counter(name: string, help: string, labelNames: readonly string[] = []): void {
    if (this.counters.has(name)) return;
    this.counters.set(name, new client.Counter({ name, help, labelNames, registers: [this.registry] }));
  }

  /** A gauge read when /metrics is scraped (declared again, the new reader replaces the old one). */
  gauge(name: string, help: string, read: () => number): void {
    this.registry.removeSingleMetric(name);
    new client.Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** A histogram; `buckets` are its upper bounds. Declaring one twice keeps the first. */
  histogram(name: string, help: string, buckets: readonly number[], labelNames: readonly string[] = []): void {
    if (this.histograms.has(name)) return;
    this.histograms.set(
      name,
      new client.Histogram({ name, help, buckets: [...buckets], labelNames, registers: [this.registry] }),
    );
  }

  /** One label set of a counter, to keep where it is counted often (its `inc` hashes no labels object). */
  counterWith(name: string, labels: Labels): { inc(by?: number): void } {
    const counter = this.counters.get(name);
    if (!counter) throw new Error(`metrics: unknown counter ${name}`);
    return counter.labels(labels);
  }

  inc(name: string, labels?: Labels, by = 1): void {
    const counter = this.counters.get(name);
    if (!counter) throw new Error(`metrics: unknown counter ${name}`);
    if (labels) counter.inc(labels, by);
    else counter.inc(by);
  }

  observe(name: string, value: number, labels?: Labels): void {
    const histogram = this.histograms.get(name);
    if (!histogram) throw new Error(`metrics: unknown histogram ${name}`);
    if (labels) histogram.observe(labels, value);
    else histogram.observe(value);
  }

  /** The Prometheus text: the process's default metrics, then the app's. */
  async render(): Promise<string> {
    const [process, app] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${process}\n${app}`;
  }

  readonly contentType = client.Registry.PROMETHEUS_CONTENT_TYPE;
}

export const METRIC = {
  errors: 'hostrush_errors_total',
  events: 'hostrush_events_total',
  actions: 'hostrush_actions_total',
  http: 'hostrush_http_requests_total',
  storageRetries: 'hostrush_storage_retries_total',
  storageFailures: 'hostrush_storage_failures_total',
  gamesSaved: 'hostrush_games_saved_total',
  budgetRefusals: 'hostrush_budget_refusals_total',
  ackLatency: 'hostrush_ack_latency_seconds',
  fanoutSeconds: 'hostrush_fanout_seconds',
  fanoutSockets: 'hostrush_fanout_sockets',
} as const;

export function createMetrics(): Metrics {
  const m = new Metrics();
  processMetrics();
  m.counter(METRIC.errors, 'Refused inputs and failed actions, by error code.', ['code']);
  m.counter(METRIC.events, 'Socket events received, by event name.', ['event']);
  m.counter(METRIC.actions, 'Engine actions accepted, by type.', ['type']);
  m.counter(METRIC.http, 'HTTP requests, by status class.', ['status']);
  m.counter(METRIC.storageRetries, 'Storage writes retried.');
  m.counter(METRIC.storageFailures, 'Storage writes that failed after their retries.');
  m.counter(METRIC.gamesSaved, 'Finished games stored.');
  m.counter(
    METRIC.budgetRefusals,
    'Refused for a spent per-address budget (rooms, solo-runs, pack-imports, solo-log-checks), by budget.',
    ['budget'],
  );
  m.histogram(
    METRIC.ackLatency,
    'From a socket event read to its ack written by this process, in seconds ' +
      "(the handler, the per-turn ack batch and, with one process's durable " +
      'acks, the write).',
    LATENCY_BUCKETS,
  );
  m.histogram(
    METRIC.fanoutSeconds,
    "One broadcast to a room, team or language group, written to this process's sockets, in seconds.",
    LATENCY_BUCKETS,
  );
  m.histogram(METRIC.fanoutSockets, 'Sockets of this process one broadcast reached.', FANOUT_SOCKET_BUCKETS);
  return m;
}
