// Transient messages on the play screens expire, and go at once when the screen moves on (client/src/lib/transient.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRANSIENT_MS, TransientMessage } from '../../client/src/lib/transient.js';

describe('a transient message', () => {
  let shown = '';
  let m: TransientMessage;
  beforeEach(() => {
    vi.useFakeTimers();
    shown = '';
    m = new TransientMessage(() => (shown = ''));
  });
  afterEach(() => vi.useRealTimers());
  const show = (message: string, screen: string) => {
    shown = message;
    m.seen(shown, screen, true);
  };

  it('is cleared when the phase or step changes (a lost claim is not shown on the podium)', () => {
    show('Someone else claimed it first.', 'race:7');
    m.seen(shown, 'race:7', false);
    expect(shown).toBe('Someone else claimed it first.');
    m.seen(shown, 'race-result:7', false);
    expect(shown).toBe('');
    m.seen(shown, 'podium:8', false);
    expect(shown).toBe('');
  });

  it('expires after a few seconds in the same phase', () => {
    show('That answer came too late.', 'question:2');
    vi.advanceTimersByTime(TRANSIENT_MS - 1);
    expect(shown).not.toBe('');
    vi.advanceTimersByTime(1);
    expect(shown).toBe('');
  });

  it('starts its time again when a new message replaces it, and a cleared one sets no timer', () => {
    show('First.', 'question:2');
    vi.advanceTimersByTime(TRANSIENT_MS - 100);
    show('Second.', 'question:2');
    vi.advanceTimersByTime(200);
    expect(shown).toBe('Second.');
    show('', 'question:2');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stays before a game (a join form), until the first phase', () => {
    show('That name is taken.', '');
    vi.advanceTimersByTime(10 * TRANSIENT_MS);
    expect(shown).toBe('That name is taken.');
    m.seen(shown, 'lobby:-1', false);
    expect(shown).toBe('');
  });
});
