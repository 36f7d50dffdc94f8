// The server's log (server/log.ts, pino): JSON lines, the level LOG_LEVEL sets (checked by server/config.ts), and
// secrets and nicknames censored even when a line is given them by mistake.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.js';
import { captureLogger, createLogger } from '../../server/log.js';

describe('the log', () => {
  it('writes one JSON line per event with its fields, and censors tokens, keys and nicknames at any level', () => {
    const lines: string[] = [];
    const log = captureLogger(lines, 'info');
    log.info({ room: '123456', players: 3 }, 'room 123456: started');
    log.debug('not at info');
    log.error({ err: new Error('disk full'), room: '123456' }, 'could not store');
    log.info(
      { resumeToken: 'secret-token-1', player: { name: 'Zelda Q', playerId: 'p1' }, hostKey: 'k'.repeat(32) },
      'oops',
    );
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 30, room: '123456', players: 3, msg: 'room 123456: started' });
    expect(typeof first!.time).toBe('number');
    expect(second).toMatchObject({ level: 50, err: { type: 'Error', message: 'disk full' } });
    expect(third).toMatchObject({
      resumeToken: '[hidden]',
      player: { name: '[hidden]', playerId: 'p1' },
      hostKey: '[hidden]',
    });
    expect(lines.join('')).not.toMatch(/secret-token-1|Zelda Q|kkkkkkkk/);
  });

  it('on a terminal the same events read as sentences, still censored (a teacher reads "Students join at ...")', () => {
    const out: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (out.push(String(chunk)), done()) });
    const log = createLogger({ readable: true, destination: sink });
    log.info({ join: ['http://192.0.2.2:3000'] }, 'Students join at http://192.0.2.2:3000');
    log.info({ resumeToken: 'secret-token-2', name: 'Zelda Q' }, 'seated');
    const text = out.join('');
    expect(text).toMatch(/INFO.*Students join at http:\/\/192\.0\.2\.2:3000/);
    expect(() => JSON.parse(out[0]!)).toThrow();
    expect(text).not.toMatch(/secret-token-2|Zelda Q/);
  });

  it("LOG_LEVEL: info by default, one of pino's levels, anything else stops the start", () => {
    expect(readConfig({}).config.logLevel).toBe('info');
    expect(readConfig({ LOG_LEVEL: 'warn' }).config.logLevel).toBe('warn');
    expect(readConfig({ LOG_LEVEL: ' ' }).config.logLevel).toBe('info');
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/,
    );
  });
});
