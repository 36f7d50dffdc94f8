import { describe, it, expect } from 'vitest';
import {
  C2S,
  C2S_SCHEMAS,
  normalizeNickname,
  nicknameKey,
  playerAnswerSchema,
  hostControlSchema,
  roomCreateSchema,
  actionSchema,
} from '../../shared/protocol/index.js';

describe('protocol schemas', () => {
  it('has a schema for every client event', () => {
    for (const name of Object.values(C2S)) expect(C2S_SCHEMAS[name]).toBeDefined();
  });
  it('accepts honest payloads', () => {
    expect(playerAnswerSchema.safeParse({ questionId: 'q1', answer: { type: 'single', choice: 2 } }).success).toBe(
      true,
    );
    expect(hostControlSchema.safeParse({ command: 'time-factor', playerId: 'p1', factor: 1.5 }).success).toBe(true);
    expect(roomCreateSchema.safeParse({ packId: 'builtin-en', options: { mode: 'team', teamCount: 3 } }).success).toBe(
      true,
    );
    expect(actionSchema.safeParse({ type: 'tick', actor: { role: 'system' }, at: 5 }).success).toBe(true);
  });
  it('refuses unknown keys, __proto__, wrong types and oversized values', () => {
    const bad: unknown[] = [
      JSON.parse('{"questionId":"q1","answer":{"type":"single","choice":1},"__proto__":{"admin":true}}'),
      { questionId: 'q1', answer: { type: 'single', choice: 99 } },
      { questionId: 'q1', answer: { type: 'single', choice: '1' } },
      { questionId: 'x'.repeat(65), answer: { type: 'truefalse', value: true } },
      { questionId: 'q1', answer: { type: 'multi', choices: new Array(21).fill(0) } },
      { questionId: 'q1', answer: { type: 'numeric', value: Number.NaN } },
      null,
      'q1',
    ];
    for (const payload of bad) expect(playerAnswerSchema.safeParse(payload).success).toBe(false);
    expect(hostControlSchema.safeParse({ command: 'time-factor', playerId: 'p1', factor: 10 }).success).toBe(false);
    expect(roomCreateSchema.safeParse({ packId: 'a', hostKey: 'short' }).success).toBe(false);
  });
});

describe('nickname rules', () => {
  it('trims, normalises and bounds', () => {
    expect(normalizeNickname('  Ada  ')).toMatchObject({ ok: true, name: 'Ada' });
    expect(normalizeNickname('Cafe\u0301')).toMatchObject({ ok: true, name: 'Café' });
    expect(normalizeNickname('김민수')).toMatchObject({ ok: true, name: '김민수' });
    expect(normalizeNickname('   ')).toMatchObject({ ok: false, code: 'name/invalid' });
    expect(normalizeNickname('x'.repeat(21))).toMatchObject({ ok: false, code: 'name/invalid' });
    expect(normalizeNickname('가'.repeat(20))).toMatchObject({ ok: true });
  });
  it('refuses control and invisible characters', () => {
    expect(normalizeNickname('a\u0000b')).toMatchObject({ ok: false, code: 'name/invalid' });
    expect(normalizeNickname('ali\u200Bce')).toMatchObject({ ok: false, code: 'name/invalid' });
    expect(normalizeNickname('\u202Eevil')).toMatchObject({ ok: false, code: 'name/invalid' });
  });
  it('refuses a short list of abusive words in ko and en, leetspeak included', () => {
    for (const n of ['fuck', 'Sh1t head', 'b!tch', '씨발', '병 신', 'ㅅㅂ']) {
      expect(normalizeNickname(n)).toMatchObject({ ok: false, code: 'name/abusive' });
    }
    for (const n of ['Scott', 'Classic', '민지', 'Hannah']) expect(normalizeNickname(n).ok).toBe(true);
  });
  it('compares names case-insensitively', () => {
    expect(nicknameKey('ADA')).toBe(nicknameKey('ada'));
    expect(nicknameKey('Ａｄａ')).toBe(nicknameKey('ada'));
  });
});
