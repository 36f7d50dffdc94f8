// Counters and gauges rendered in the Prometheus text format at GET /metrics. One registry per app (no globals,
// but the process gauges describe the one process: resident memory, heap, CPU, event-loop delay).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

type Labels = Record<string, string>;

const escape = (v: string) => (/[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v);

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  // The hot path (one label per event and action): no sort, no array.
  if (keys.length === 1) {
    const k = keys[0]!;
    return `{${k}="${escape(labels[k] ?? '')}"}`;
  }
  keys.sort();
  return `{${keys.map((k) => `${k}="${escape(labels[k] ?? '')}"`).join(',')}}`;
}

interface Family {
  type: 'counter' | 'gauge';
  help: string;
  values: Map<string, number>;
  read?: () => number;
}

/** Event-loop delay, one histogram for the process (perf_hooks), started by the first registry that asks. */
let loopDelay: IntervalHistogram | null = null;
function eventLoopDelay(): IntervalHistogram {
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
  }
  return loopDelay;
}

export class Metrics {
  private readonly families = new Map<string, Family>();

  counter(name: string, help: string): void {
    if (!this.families.has(name)) this.families.set(name, { type: 'counter', help, values: new Map() });
  }

  /** A gauge read when /metrics is scraped. */
  gauge(name: string, help: string, read: () => number): void {
    this.families.set(name, { type: 'gauge', help, values: new Map(), read });
  }

  /** A counter kept elsewhere (e.g. the process's CPU time), read when /metrics is scraped. */
  counterFn(name: string, help: string, read: () => number): void {
    this.families.set(name, { type: 'counter', help, values: new Map(), read });
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const family = this.families.get(name);
    if (!family) throw new Error(`metrics: unknown counter ${name}`);
    const key = labelKey(labels);
    family.values.set(key, (family.values.get(key) ?? 0) + by);
  }

  /** The current value of a counter (tests and summaries). */
  value(name: string, labels: Labels = {}): number {
    return this.families.get(name)?.values.get(labelKey(labels)) ?? 0;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      if (family.read) {
        lines.push(`${name} ${family.read()}`);
        continue;
      }
      if (family.values.size === 0) lines.push(`${name} 0`);
      for (const [key, value] of family.values) lines.push(`${name}${key} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export const METRIC = {
  errors: 'hostrush_errors_total',
  events: 'hostrush_events_total',
  actions: 'hostrush_actions_total',
  http: 'hostrush_http_requests_total',
  storageRetries: 'hostrush_storage_retries_total',
  storageFailures: 'hostrush_storage_failures_total',
  gamesSaved: 'hostrush_games_saved_total',
} as const;

export function createMetrics(): Metrics {
  const m = new Metrics();
  m.counter(METRIC.errors, 'Refused inputs and failed actions, by error code.');
  m.counter(METRIC.events, 'Socket events received, by event name.');
  m.counter(METRIC.actions, 'Engine actions accepted, by type.');
  m.counter(METRIC.http, 'HTTP requests, by status class.');
  m.counter(METRIC.storageRetries, 'Storage writes retried.');
  m.counter(METRIC.storageFailures, 'Storage writes that failed after their retries.');
  m.counter(METRIC.gamesSaved, 'Finished games stored.');
  addProcessMetrics(m);
  return m;
}

/**
 * Process gauges, as the Prometheus Node.js client names them: resident memory, V8 heap used, CPU seconds
 * (user + system, microsecond resolution) and the event-loop delay since the previous scrape (p50, p99, max;
 * perf_hooks.monitorEventLoopDelay at 10 ms resolution, so an idle loop reads about 0.01 s).
 */
export function addProcessMetrics(m: Metrics): void {
  const delay = eventLoopDelay();
  m.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss());
  m.gauge('nodejs_heap_used_bytes', 'V8 heap used, in bytes.', () => process.memoryUsage().heapUsed);
  m.gauge('nodejs_heap_total_bytes', 'V8 heap size, in bytes.', () => process.memoryUsage().heapTotal);
  m.counterFn('process_cpu_seconds_total', 'User and system CPU time spent, in seconds.', () => {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1e6;
  });
  // Read in this order at each scrape: the p50, p99 and max of the window, then the window starts again.
  const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
  m.gauge('nodejs_eventloop_lag_p50_seconds', 'Event-loop delay since the previous scrape, median, in seconds.', () =>
    seconds(delay.count > 0 ? delay.percentile(50) : 0),
  );
  m.gauge('nodejs_eventloop_lag_p99_seconds', 'Event-loop delay since the previous scrape, 99th percentile, in seconds.', () =>
    seconds(delay.count > 0 ? delay.percentile(99) : 0),
  );
  m.gauge('nodejs_eventloop_lag_max_seconds', 'Event-loop delay since the previous scrape, maximum, in seconds.', () => {
    const max = delay.count > 0 ? delay.max : 0;
    delay.reset();
    return seconds(max);
  });
}
