// Request/response and cluster-wide notices over Redis pub/sub. Each process listens on `<prefix>:node:<nodeId>`
// (requests to it and answers for it, matched by a correlation id) and on `<prefix>:cluster` (notices for all).
import { nanoid } from 'nanoid';
import type { RedisClient } from './redis.js';
import type { Logger } from '../log.js';

export interface BusOptions {
  pub: RedisClient;
  sub: RedisClient;
  prefix: string;
  nodeId: string;
  log: Logger;
}

type Wire<Req, Res, Notice> =
  | { t: 'req'; id: string; from: string; body: Req }
  | { t: 'res'; id: string; body: Res }
  | { t: 'notice'; from: string; body: Notice };

/** `unreachable`: no process listens on the target's channel (it is gone); `timeout`: no answer in time. */
export type RequestResult<Res> = { ok: true; body: Res } | { ok: false; why: 'unreachable' | 'timeout' };

export class Bus<Req, Res, Notice> {
  onRequest: (body: Req, from: string) => Promise<Res> = () => Promise.reject(new Error('no request handler'));
  onNotice: (body: Notice, from: string) => void = () => {};
  private readonly pending = new Map<
    string,
    { resolve: (r: RequestResult<Res>) => void; timer: ReturnType<typeof setTimeout> }
  >();
  private readonly own: string;
  private readonly all: string;

  constructor(private readonly opts: BusOptions) {
    this.own = this.nodeChannel(opts.nodeId);
    this.all = `${opts.prefix}:cluster`;
  }

  nodeChannel(nodeId: string): string {
    return `${this.opts.prefix}:node:${nodeId}`;
  }

  async start(): Promise<void> {
    const listener = (message: string) => this.receive(message);
    await this.opts.sub.subscribe([this.own, this.all], listener);
  }

  async stop(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, why: 'unreachable' });
      this.pending.delete(id);
    }
    await this.opts.sub.unsubscribe([this.own, this.all]).catch(() => {});
  }

  /** Sends a request to one process and waits for its answer (bounded). */
  async request(nodeId: string, body: Req, timeoutMs: number): Promise<RequestResult<Res>> {
    const id = nanoid(12);
    const wire: Wire<Req, Res, Notice> = { t: 'req', id, from: this.opts.nodeId, body };
    const answer = new Promise<RequestResult<Res>>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, why: 'timeout' });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
    });
    let receivers: number;
    try {
      receivers = await this.opts.pub.publish(this.nodeChannel(nodeId), JSON.stringify(wire));
    } catch (error) {
      this.settle(id, { ok: false, why: 'timeout' });
      this.opts.log.error({ err: error }, 'bus: could not publish a request');
      return answer;
    }
    // Nobody subscribed to the target's channel: that process is gone (its lease will expire).
    if (receivers === 0) this.settle(id, { ok: false, why: 'unreachable' });
    return answer;
  }

  notice(body: Notice): void {
    const wire: Wire<Req, Res, Notice> = { t: 'notice', from: this.opts.nodeId, body };
    this.opts.pub
      .publish(this.all, JSON.stringify(wire))
      .catch((error: unknown) => this.opts.log.error({ err: error }, 'bus: notice lost'));
  }

  private settle(id: string, result: RequestResult<Res>): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(result);
  }

  private receive(message: string): void {
    let wire: Wire<Req, Res, Notice>;
    try {
      wire = JSON.parse(message) as Wire<Req, Res, Notice>;
    } catch {
      return;
    }
    if (wire.t === 'res') {
      this.settle(wire.id, { ok: true, body: wire.body });
    } else if (wire.t === 'notice') {
      try {
        this.onNotice(wire.body, wire.from);
      } catch (error) {
        this.opts.log.error({ err: error }, 'bus: notice handler failed');
      }
    } else if (wire.t === 'req') {
      const { id, from } = wire;
      this.onRequest(wire.body, from).then(
        (body) => {
          const res: Wire<Req, Res, Notice> = { t: 'res', id, body };
          this.opts.pub
            .publish(this.nodeChannel(from), JSON.stringify(res))
            .catch((error: unknown) => this.opts.log.error({ err: error }, 'bus: answer lost'));
        },
        (error: unknown) => this.opts.log.error({ err: error }, 'bus: request handler failed'),
      );
    }
  }
}
