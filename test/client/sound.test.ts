// The sound's cue mapping (phase changes -> cues, countdown ticks on the view's deadline) and its engine: muted plays
// nothing, the projector is on and phones are off by default, the choice is remembered, no Web Audio never throws.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoundCues } from '../../client/src/audio/controller.js';
import {
  cuesFor,
  sameClock,
  snapshotOf,
  ticksFor,
  wantsLoop,
  type SoundSnapshot,
} from '../../client/src/audio/cues.js';
import { SoundEngine, type ContextLike, type PlayedCue, type SoundDeps } from '../../client/src/audio/sound.js';
import type { GameView } from '../../shared/engine/types.js';

const snap = (
  phase: SoundSnapshot['phase'],
  step = 0,
  endsAt: number | null = null,
  paused = false,
): SoundSnapshot => ({ phase, step, endsAt, paused });

describe('cuesFor: phase changes seen in the view -> cues', () => {
  it('plays nothing on the first view a page sees (a reloaded projector does not replay a podium)', () => {
    expect(cuesFor(null, snap('podium', 5), 0)).toEqual([]);
    expect(cuesFor(null, snap('question', 1, 10_000), 0)).toEqual([]);
  });

  it('lobby -> question: the start cue; question -> next question too', () => {
    expect(cuesFor(snap('lobby', -1), snap('question', 0, 20_000), 0)).toEqual(['start']);
    expect(cuesFor(snap('leaderboard', 0), snap('question', 1, 20_000), 0)).toEqual(['start']);
    expect(cuesFor(snap('race-result', 2), snap('race', 3, 60_000), 0)).toEqual(['start']);
  });

  it(
    "question closed by its timer -> time's up then the reveal; closed early " + '(all answered) -> the reveal alone',
    () => {
      expect(cuesFor(snap('question', 0, 20_000), snap('reveal', 0), 20_050)).toEqual(['timeup', 'reveal']);
      expect(cuesFor(snap('question', 0, 20_000), snap('reveal', 0), 19_700)).toEqual(['timeup', 'reveal']);
      expect(cuesFor(snap('question', 0, 20_000), snap('reveal', 0), 12_000)).toEqual(['reveal']);
      expect(cuesFor(snap('race', 3, 90_000), snap('race-result', 3), 90_100)).toEqual(['timeup', 'reveal']);
      expect(cuesFor(snap('race', 3, 90_000), snap('race-result', 3), 40_000)).toEqual(['reveal']);
    },
  );

  it('the podium plays its sting, from any phase', () => {
    expect(cuesFor(snap('leaderboard', 4), snap('podium', 4), 0)).toEqual(['podium']);
    expect(cuesFor(snap('question', 4, 9_000), snap('podium', 4), 1_000)).toEqual(['podium']);
  });

  it('the same phase and step again (a new answer count, a pause) plays nothing', () => {
    expect(cuesFor(snap('question', 0, 20_000), snap('question', 0, 20_000, true), 0)).toEqual([]);
    expect(cuesFor(snap('lobby', -1), snap('lobby', -1), 0)).toEqual([]);
    expect(cuesFor(snap('reveal', 0), snap('leaderboard', 0), 0)).toEqual([]);
  });

  it('the lobby loop plays in the lobby only, on the projector only', () => {
    expect(wantsLoop(snap('lobby', -1), 'projector')).toBe(true);
    expect(wantsLoop(snap('lobby', -1), 'phone')).toBe(false);
    for (const p of ['question', 'reveal', 'race', 'race-result', 'leaderboard', 'podium'] as const)
      expect(wantsLoop(snap(p, 0), 'projector')).toBe(false);
    expect(wantsLoop(null, 'projector')).toBe(false);
  });
});

describe('ticksFor: the countdown on the view deadline', () => {
  it('ticks the last five whole seconds before the deadline, not the ones already past', () => {
    expect(ticksFor(snap('question', 0, 30_000), 0)).toEqual([25_000, 26_000, 27_000, 28_000, 29_000]);
    expect(ticksFor(snap('question', 0, 30_000), 27_500)).toEqual([28_000, 29_000]);
    expect(ticksFor(snap('race', 2, 100_000), 0)).toHaveLength(5);
  });
  it('no ticks while paused, after the close, or outside a question or race', () => {
    expect(ticksFor(snap('question', 0, 30_000, true), 0)).toEqual([]);
    expect(ticksFor(snap('question', 0, null), 0)).toEqual([]);
    expect(ticksFor(snap('reveal', 0, 30_000), 0)).toEqual([]);
  });
  it('a new deadline (+10 s, a resume) places them anew', () => {
    expect(sameClock(snap('question', 0, 30_000), snap('question', 0, 40_000))).toBe(false);
    expect(sameClock(snap('question', 0, 30_000), snap('question', 0, 30_000, true))).toBe(false);
    expect(sameClock(snap('question', 0, 30_000), snap('question', 0, 30_000))).toBe(true);
  });
});

describe('snapshotOf', () => {
  const base = {
    phase: 'question',
    step: 2,
    paused: false,
    race: null,
    question: { openedAt: 1_000, limitMs: 20_000, closed: false },
  };
  it("a question's deadline, stretched by this player's extended time; none once closed", () => {
    expect(snapshotOf(base as unknown as GameView)?.endsAt).toBe(21_000);
    expect(snapshotOf(base as unknown as GameView, 1.5)?.endsAt).toBe(31_000);
    expect(
      snapshotOf({ ...base, question: { ...base.question, closed: true } } as unknown as GameView)?.endsAt,
    ).toBeNull();
    expect(snapshotOf({ ...base, phase: 'race', race: { endsAt: 99_000 } } as unknown as GameView)?.endsAt).toBe(
      99_000,
    );
    expect(snapshotOf(null)).toBeNull();
  });
});

/** A fake AudioContext that counts the oscillators started (the sounds actually made). */
function fakeContext(state: AudioContextState = 'running') {
  const made = { oscillators: 0 };
  const listeners: Array<() => void> = [];
  const param = () => ({
    value: 1,
    setValueAtTime() {},
    exponentialRampToValueAtTime() {},
    linearRampToValueAtTime() {},
    cancelScheduledValues() {},
  });
  const node = () => ({ connect: (n: unknown) => n, disconnect() {}, gain: param(), frequency: param(), type: '' });
  const ctx = {
    state,
    currentTime: 0,
    destination: node(),
    createGain: node,
    createBiquadFilter: node,
    createDynamicsCompressor: node,
    createOscillator: () => ({ ...node(), start: () => void made.oscillators++, stop() {} }),
    resume: async () => {
      ctx.state = 'running';
      for (const l of listeners) l();
    },
    suspend: async () => {
      ctx.state = 'suspended';
      for (const l of listeners) l();
    },
    addEventListener: (_: string, l: () => void) => void listeners.push(l),
  };
  return { ctx: ctx as unknown as ContextLike, made };
}

function memoryStorage(): SoundDeps['storage'] & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function engine(state: AudioContextState = 'running', storage = memoryStorage()) {
  const { ctx, made } = fakeContext(state);
  const log: PlayedCue[] = [];
  const e = new SoundEngine({ createContext: () => ctx, storage, log, now: () => 0 });
  return { e, made, log, storage, ctx };
}

describe('SoundEngine', () => {
  it('the projector plays by default; a phone is off and plays nothing until switched on', async () => {
    const host = engine();
    host.e.use('projector');
    host.e.play('reveal');
    expect(host.e.status()).toBe('on');
    expect(host.log.map((l) => l.cue)).toEqual(['reveal']);
    expect(host.made.oscillators).toBeGreaterThan(0);

    const phone = engine();
    phone.e.use('phone');
    phone.e.play('reveal');
    phone.e.setLoop(true);
    expect(phone.e.status()).toBe('off');
    expect(phone.log).toEqual([]);
    expect(phone.made.oscillators).toBe(0);
    phone.e.toggle();
    await Promise.resolve();
    phone.e.play('podium');
    expect(phone.log.map((l) => l.cue)).toEqual(['lobby', 'podium']);
    expect(phone.storage.data.get('hostrush.sound.phone')).toBe('on');
    phone.e.setLoop(false);
  });

  it('muted plays nothing, and the choice is remembered on this device', async () => {
    const storage = memoryStorage();
    const a = engine('running', storage);
    a.e.use('projector');
    a.e.toggle();
    await Promise.resolve();
    expect(a.e.status()).toBe('off');
    const before = a.made.oscillators;
    a.e.play('reveal');
    a.e.play('tick');
    a.e.setLoop(true);
    expect(a.log).toEqual([]);
    expect(a.made.oscillators).toBe(before);
    // The next page on this device starts muted too.
    const b = engine('running', storage);
    b.e.use('projector');
    b.e.play('podium');
    expect(b.e.status()).toBe('off');
    expect(b.log).toEqual([]);
  });

  it('says "waiting" while the browser holds audio back, and plays once a click starts it', async () => {
    const { e, log } = engine('suspended');
    e.use('projector');
    e.setLoop(true);
    e.play('tick');
    expect(e.status()).toBe('waiting');
    expect(log).toEqual([]);
    e.unlock();
    await Promise.resolve();
    expect(e.status()).toBe('on');
    expect(log.map((l) => l.cue)).toEqual(['lobby']);
    e.setLoop(false);
  });

  it('pressing the switch while it waits starts the sound (it does not mute)', async () => {
    const { e, storage } = engine('suspended');
    e.use('projector');
    expect(e.status()).toBe('waiting');
    e.toggle();
    await Promise.resolve();
    expect(e.status()).toBe('on');
    expect(storage.data.get('hostrush.sound.projector')).toBeUndefined();
  });

  it('with storage blocked, a choice still holds for this page', () => {
    const { ctx } = fakeContext();
    const e = new SoundEngine({
      createContext: () => ctx,
      storage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => {
          throw new Error('blocked');
        },
      },
      log: [],
      now: () => 0,
    });
    e.use('projector');
    expect(e.status()).toBe('on');
    e.toggle();
    expect(e.status()).toBe('off');
  });

  it('never throws without Web Audio, or when making the context fails', () => {
    const none = new SoundEngine({ createContext: null, storage: null, log: [], now: () => 0 });
    none.use('projector');
    expect(() => (none.play('reveal'), none.setLoop(true), none.toggle(), none.unlock())).not.toThrow();
    expect(none.status()).toBe('unavailable');
    const log: PlayedCue[] = [];
    const failing = new SoundEngine({
      createContext: () => {
        throw new Error('no audio device');
      },
      storage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => {
          throw new Error('blocked');
        },
      },
      log,
      now: () => 0,
    });
    expect(() => {
      failing.use('projector');
      failing.play('podium');
      failing.setLoop(true);
      failing.toggle();
    }).not.toThrow();
    expect(failing.status()).toBe('unavailable');
    expect(log).toEqual([]);
  });

  it('the toggle hides when no screen that plays sound is open', () => {
    const { e } = engine();
    expect(e.profile).toBeNull();
    const release = e.use('phone');
    expect(e.profile).toBe('phone');
    release();
    expect(e.profile).toBeNull();
  });
});

describe('SoundCues: a view that changes phase plays the cues through the engine', () => {
  /** A view as the controller reads it (only the fields it uses). */
  const view = (phase: string, step: number, extra: Record<string, unknown> = {}) =>
    ({ phase, step, paused: false, question: null, race: null, ...extra }) as unknown as GameView;

  function setup(profile: 'projector' | 'phone') {
    const calls: string[] = [];
    let loop: boolean | null = null;
    const engine = {
      use: () => () => calls.push('released'),
      play: (cue: string) => void calls.push(cue),
      setLoop: (on: boolean) => {
        if (on !== loop) calls.push(`loop:${on}`);
        loop = on;
      },
    } as unknown as SoundEngine;
    let current: GameView | null = null;
    let ctrl: SoundCues | null = null;
    const host = {
      addController: (c: SoundCues) => void (ctrl = c),
      requestUpdate() {},
      removeController() {},
      updateComplete: Promise.resolve(true),
    };
    new SoundCues(host, profile, () => ({ view: current, offset: 0 }), engine);
    ctrl!.hostConnected();
    const show = (v: GameView) => {
      current = v;
      ctrl!.hostUpdated();
    };
    return { calls, show, ctrl: ctrl! };
  }

  afterEach(() => vi.useRealTimers());

  it('projector: lobby loop, start, five ticks on the deadline, time is up, reveal, podium', () => {
    vi.useFakeTimers({ now: 100_000 });
    const { calls, show, ctrl } = setup('projector');
    show(view('lobby', -1));
    show(view('question', 0, { question: { openedAt: 100_000, limitMs: 10_000, closed: false } }));
    vi.advanceTimersByTime(10_000);
    show(view('reveal', 0, { question: { openedAt: 100_000, limitMs: 10_000, closed: true } }));
    show(view('leaderboard', 0));
    show(view('podium', 0));
    ctrl.hostDisconnected();
    expect(calls).toEqual([
      'loop:true',
      'start',
      'loop:false',
      'tick',
      'tick',
      'tick',
      'tick',
      'tick',
      'timeup',
      'reveal',
      'podium',
      'released',
    ]);
  });

  it('a pause clears the ticks and a resume places them on the new deadline; a phone never loops the lobby', () => {
    vi.useFakeTimers({ now: 0 });
    const { calls, show } = setup('phone');
    show(view('lobby', -1));
    show(view('question', 0, { question: { openedAt: 0, limitMs: 10_000, closed: false } }));
    vi.advanceTimersByTime(4_000);
    show(view('question', 0, { paused: true, question: { openedAt: 0, limitMs: 10_000, closed: false } }));
    vi.advanceTimersByTime(20_000);
    expect(calls.filter((c) => c === 'tick')).toEqual([]);
    // Resumed at 24 s after 20 s paused: the deadline moves from 10 s to 30 s, ticks at 25..29 s.
    show(view('question', 0, { question: { openedAt: 20_000, limitMs: 10_000, closed: false } }));
    vi.advanceTimersByTime(3_500);
    expect(calls.filter((c) => c === 'tick')).toHaveLength(3);
    vi.advanceTimersByTime(2_600);
    show(view('reveal', 0, { question: { openedAt: 20_000, limitMs: 10_000, closed: true } }));
    expect(calls).toEqual(['loop:false', 'start', 'tick', 'tick', 'tick', 'tick', 'tick', 'timeup', 'reveal']);
  });
});
