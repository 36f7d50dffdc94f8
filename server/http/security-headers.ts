// Security headers (helmet) that never send a browser away from the scheme it came in on. Students open the join
// link at the computer's address over plain HTTP (http://192.168.0.12:3000/join/...): helmet's defaults there
// (CSP `upgrade-insecure-requests`, `Strict-Transport-Security`) make the phone fetch the page's scripts over
// https://, which nothing serves: a blank page. Only `localhost` is spared by browsers, which hid it from tests.
// So those headers go only with requests that really arrived over HTTPS: TLS here, a trusted proxy's
// X-Forwarded-Proto (`req.secure` under TRUST_PROXY), or the host name of an https:// PUBLIC_URL.
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

const directives = { 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:'] };

const overHttps = helmet({ contentSecurityPolicy: { directives } });
const overHttp = helmet({
  contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
  strictTransportSecurity: false,
});

/** The host of an https:// PUBLIC_URL (requests naming it came through its TLS front), else null. */
function httpsPublicHost(publicUrl: string | null | undefined): string | null {
  if (!publicUrl) return null;
  try {
    const url = new URL(publicUrl);
    return url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

export function securityHeaders(publicUrl: string | null | undefined): RequestHandler {
  // Parsed once at start, not per request.
  const publicHost = httpsPublicHost(publicUrl);
  const arrivedOverHttps = (req: Request) => req.secure || (publicHost !== null && req.get('host') === publicHost);
  return (req, res, next) => (arrivedOverHttps(req) ? overHttps : overHttp)(req, res, next);
}
