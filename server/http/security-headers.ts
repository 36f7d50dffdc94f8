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

/** Whether a request reached us over HTTPS, as far as we can tell (see the file's comment). */
export function arrivedOverHttps(req: Request, publicUrl: string | null | undefined): boolean {
  if (req.secure) return true;
  if (!publicUrl) return false;
  try {
    const url = new URL(publicUrl);
    return url.protocol === 'https:' && url.host === req.get('host');
  } catch {
    return false;
  }
}

export function securityHeaders(publicUrl: string | null | undefined): RequestHandler {
  return (req, res, next) => (arrivedOverHttps(req, publicUrl) ? overHttps : overHttp)(req, res, next);
}
