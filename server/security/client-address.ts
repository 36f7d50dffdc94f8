// The client's address, the key of the per-address limits (rate-limit.ts). By default the TCP peer's: behind a
// load balancer that is the balancer's for everyone, so TRUST_PROXY hands the choice to Express's 'trust proxy'
// setting (X-Forwarded-For), and the socket side reads its handshake request with the very same rule.
import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';

/** Express's 'trust proxy' value: a hop count, a list of trusted proxies ('loopback', '10.0.0.0/8, ...'), true. */
export type TrustProxy = boolean | number | string;

/**
 * TRUST_PROXY: unset, empty, `0` or `false` trusts no proxy (X-Forwarded-For is ignored: a client could forge it);
 * a number is the count of proxies in front of us; `true` trusts every hop (only if the balancer overwrites the
 * header); anything else is Express's list of trusted addresses or subnets (`loopback`, `10.0.0.0/8`, ...).
 * Throws, with a message naming the variable, on a list Express cannot read.
 */
export function trustProxyFromEnv(value = process.env.TRUST_PROXY): TrustProxy | undefined {
  const v = value?.trim();
  if (!v || v === '0' || v === 'false') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') return true;
  // Express compiles the list when it is set: try it here, so a typo stops the start with a clear message.
  try {
    express().set('trust proxy', v);
  } catch {
    throw new Error(
      `TRUST_PROXY '${v}' is not a hop count, 'true', or a list of addresses and ` +
        `subnets (e.g. 'loopback, 10.0.0.0/8').`,
    );
  }
  return v;
}

/**
 * The address Express's `req.ip` would give for this request (the Socket.IO handshake's, which is an
 * IncomingMessage too): Express's own getter, run on the request's headers and socket with the app's
 * compiled 'trust proxy' rule.
 */
export function requestAddress(app: Express, req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const view = { app, headers: req.headers, socket: req.socket };
  const ip: unknown = Reflect.get(app.request, 'ip', view);
  return typeof ip === 'string' && ip !== '' ? ip : 'unknown';
}
