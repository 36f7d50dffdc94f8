// Look-alike and invisible nicknames (issue 13): one normalisation for the whole project, Unicode's confusable
// skeleton (UTS #39) for duplicates, bans and the abuse list, and no name without a visible character.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, next } from '../engine/index.js';
import { config } from '../engine/testing/fixtures.js';
import { hasVisibleCharacter, nicknameKeys, normalizeNickname, skeleton } from './nickname.js';

/** Whether two names would be the same name in a room. */
const same = (a: string, b: string) => nicknameKeys(a).some((k) => nicknameKeys(b).includes(k));

describe('nickname keys (UTS #39 skeleton)', () => {
  it('the skeleton is Unicode confusables.txt: Cyrillic, Greek, I/l, m/rn', () => {
    expect(skeleton('\u0430lice')).toBe(skeleton('alice'));
    expect(skeleton('mall\u03BFry')).toBe(skeleton('mallory'));
    expect(skeleton('aIice')).toBe(skeleton('alice'));
    expect(skeleton('rn')).toBe(skeleton('m'));
  });

  it('look-alikes of a name, and the name with invisible characters added, are the same name', () => {
    for (const disguised of [
      '\u0430lice',
      'al\u034Fice',
      'alice\uFE0F',
      'aIice',
      'ALICE',
      'Ａｌｉｃｅ',
      'alice\u3164',
      'ali\u2800ce',
      'ali\u200Dce',
    ]) {
      expect(same(disguised, 'alice'), JSON.stringify(disguised)).toBe(true);
    }
    for (const disguised of [
      'm\u0430llory',
      'mall\u03BFry',
      'mallory\u034F',
      'mallory\uFE0F',
      'mallory\u3164',
      'mallory\u2800',
    ]) {
      expect(same(disguised, 'mallory'), JSON.stringify(disguised)).toBe(true);
    }
    // Different names stay different.
    for (const [a, b] of [
      ['alice', 'alise'],
      ['Ada', 'Ava'],
      ['민지', '민수'],
      ['José', 'Jose'],
      ['Bo', 'Bob'],
    ]) {
      expect(same(a!, b!), `${a} / ${b}`).toBe(false);
    }
  });

  it('names without a visible character are refused', () => {
    for (const blank of [
      '\u3164',
      '\u2800',
      '\u200D',
      '\u034F',
      '\uFE0F',
      '\u3164\u3164',
      '\u2800 \u2800',
      '\u115F\u1160',
      '\uFFA0',
      '\u0301',
    ]) {
      expect(hasVisibleCharacter(blank), JSON.stringify(blank)).toBe(false);
      expect(normalizeNickname(blank), JSON.stringify(blank)).toMatchObject({ ok: false, code: 'name/invalid' });
    }
    for (const name of ['Ada', '민지', '❤️', '👍🏽', '李', 'x']) expect(normalizeNickname(name).ok, name).toBe(true);
  });

  it('the abuse list sees through look-alikes and accents', () => {
    for (const name of ['f\u00FCck', 'fu\u0441k', 'n\u0430zi', 'ｆｕｃｋ', 'FÜCK me', 'sh1t', 'n\u0430z\u0131']) {
      expect(normalizeNickname(name), name).toMatchObject({ ok: false, code: 'name/abusive' });
    }
    for (const name of [
      'Scott',
      'Classic',
      '민지',
      'Hannah',
      '조지',
      '김민수',
      'Sebastian',
      'Grace',
      'Mateo',
      'Lily',
      'Emma',
    ]) {
      expect(normalizeNickname(name).ok, name).toBe(true);
    }
  });

  it("the engine's own duplicate check uses the same keys, whatever the machine's locale", () => {
    let state = createGame(config(), 'names');
    state = next(state, { type: 'join', actor: { role: 'system' }, at: 1, playerId: 'p1', name: 'alice' }).state;
    for (const [i, name] of ['\u0430lice', 'aIice', 'ALICE', 'alice\uFE0F'].entries()) {
      const events = next(state, { type: 'join', actor: { role: 'system' }, at: 2, playerId: `x${i}`, name }).events;
      expect(
        events.find((e) => e.type === 'error'),
        name,
      ).toMatchObject({ code: 'name/taken' });
    }
    // Turkish dotted/dotless i: the same result in any locale (no toLocaleLowerCase anywhere in the project's names).
    for (const file of [
      '../engine/reducer.ts',
      '../engine/seating.ts',
      './nickname.ts',
      '../../server/rooms/room.ts',
      '../../server/rooms/seats.ts',
    ]) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8')).not.toMatch(/toLocale(Lower|Upper)Case/);
    }
  });
});
