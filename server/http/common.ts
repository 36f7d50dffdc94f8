// What every HTTP request gets before its route: the CORS header for listed origins, and a count of its status.
import type { RequestHandler } from 'express';
import { METRIC, type Metrics } from '../metrics.js';

/** CORS closed by default: only listed origins get the header (same-origin needs none). */
export function corsForListed(corsOrigins: string[] | undefined): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && corsOrigins?.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    next();
  };
}

/** Counts each answered request at /metrics by status class (2xx, 4xx...). */
export function countResponses(metrics: Metrics): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => metrics.inc(METRIC.http, { status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };
}
