// Error codes from the server, in the user's language where the catalogs know them (`err.<code>`);
// the server's message otherwise.
import { t, type MessageKey } from '../i18n/index.js';
import { en } from '../i18n/en.js';

export function errorText(err: unknown): string {
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : '';
  const key = `err.${code}`;
  if (key in en) return (t as (k: MessageKey) => string)(key as MessageKey);
  return err instanceof Error ? err.message : String(err);
}
