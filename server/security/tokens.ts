// Unguessable tokens (nanoid, 126 bits) stored only as sha-256 hashes, and room codes.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';

export function newToken(): string {
  return nanoid(21);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A 6-digit room code not in `taken`. */
export function newRoomCode(taken: (code: string) => boolean): string {
  for (;;) {
    const code = String(randomInt(100000, 1000000));
    if (!taken(code)) return code;
  }
}
