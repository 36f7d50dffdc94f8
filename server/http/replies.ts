// What every API route answers with: errors (status by code, counted at /metrics), body parsing with zod, the
// host key a request carries; and the app's last handler, which turns anything thrown into such an error.
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { tokenSchema, type ErrorCode } from '../../shared/protocol/index.js';
import { METRIC, type Metrics } from '../metrics.js';
import { MAX_IMPORTED } from '../rooms/packs.js';
import { hashToken } from '../security/tokens.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'input/invalid': 400,
  'input/too-large': 413,
  'pack/invalid': 400,
  'pack/unknown': 404,
  'pack/conflict': 409,
  'pack/limit': 409,
  'auth/teacher': 401,
  'auth/not-owner': 403,
  'game/unknown': 404,
  'auth/token': 401,
  'auth/not-host': 403,
  'room/limit': 503,
  'storage/failed': 503,
  'solo/forged': 422,
  'rate/limited': 429,
  'server/error': 500,
};

export function sendError(
  res: Response,
  metrics: Metrics,
  code: ErrorCode,
  message: string,
  extra: object = {},
  status = STATUS[code] ?? 400,
): void {
  metrics.inc(METRIC.errors, { code });
  res.status(status).json({ ok: false, error: { code, message }, ...extra });
}

/** 409 pack/limit: the owner keeps as many packs as allowed; nothing was stored (never a silent deletion). */
export function packLimit(res: Response, metrics: Metrics): void {
  sendError(
    res,
    metrics,
    'pack/limit',
    `You already keep ${MAX_IMPORTED} packs, the most one teacher may keep on this server: ` +
      'delete one you no longer need, then try again.',
    { limit: MAX_IMPORTED },
  );
}

/** Parses a body with its schema, or answers 400 and returns null. */
export function parse<S extends z.ZodType>(
  schema: S,
  req: Request,
  res: Response,
  metrics: Metrics,
): z.output<S> | null {
  const parsed = schema.safeParse(req.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  sendError(res, metrics, 'input/invalid', `${path}${issue?.message ?? 'invalid body'}`);
  return null;
}

/** The host's key travels in a header, never in a URL (URLs get logged). */
export function hostKeyHash(req: Request): string | null {
  const key = tokenSchema.safeParse(req.get('x-host-key'));
  return key.success ? hashToken(key.data) : null;
}

/** Turns body-parser failures (bad JSON, too large) and anything thrown into a JSON error; never a crash. */
export function errorHandler(metrics: Metrics) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const type = (error as { type?: unknown }).type;
    if (res.headersSent) return;
    if (type === 'entity.too.large') return sendError(res, metrics, 'input/too-large', 'The body is too large.');
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, metrics, 'input/invalid', 'The body is not valid JSON.');
    }
    // Any other client error Express or its parsers raise (a malformed %-escape in the path, a body that does not
    // inflate) is the request's fault, not the server's.
    const status = Number(
      (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode,
    );
    if (status >= 400 && status < 500) {
      const message = error instanceof URIError ? 'The URL has a malformed %-escape.' : 'The request is malformed.';
      return sendError(res, metrics, 'input/invalid', message);
    }
    sendError(res, metrics, 'server/error', 'Something went wrong on the server.');
  };
}
