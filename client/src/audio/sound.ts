// The page's sound: on or off per kind of screen (on by default on the projector, off on phones), remembered on this
// device; one AudioContext, made only when sound is wanted, started by the user's first click or key (browsers
// block audio until then). Nothing here throws: without Web Audio the toggle says so and every cue is silent.
// Each cue actually played is written to `window.__hostrushSounds` (and the toggle's `data-last-cue`), so tests and
// curious teachers can see what the page played.
import type { Cue } from './cues.js';
import { playCue, startLoop, type Loop } from './synth.js';

/** The projector (host view) or a phone (player and solo views). */
export type Profile = 'projector' | 'phone';
/** What the toggle shows: `waiting` is sound wanted but not yet allowed by the browser (a click starts it). */
export type SoundStatus = 'off' | 'on' | 'waiting' | 'unavailable';

export interface PlayedCue {
  cue: Cue;
  profile: Profile;
  at: number;
}

/** The part of AudioContext used here (a fake one in unit tests). */
export type ContextLike = Pick<
  AudioContext,
  | 'state'
  | 'resume'
  | 'suspend'
  | 'currentTime'
  | 'destination'
  | 'createGain'
  | 'createOscillator'
  | 'createBiquadFilter'
  | 'createDynamicsCompressor'
> &
  Pick<EventTarget, 'addEventListener'>;

export interface SoundDeps {
  createContext: (() => ContextLike) | null;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Where played cues are logged (window.__hostrushSounds in the page). */
  log: PlayedCue[];
  now: () => number;
}

/** The played-cue log keeps this many (a long lesson plays a few hundred). */
const LOG_LIMIT = 1000;
const DEFAULT_ON: Record<Profile, boolean> = { projector: true, phone: false };
const STORAGE_KEY = (p: Profile) => `hostrush.sound.${p}`;

export class SoundEngine {
  private ctx: ContextLike | null = null;
  private master: AudioNode | null = null;
  private broken = false;
  private readonly users: Profile[] = [];
  private loopWanted = false;
  private loop: Loop | null = null;
  private readonly listeners = new Set<() => void>();
  private last: Cue | '' = '';
  /** Choices made on this page (kept here too, for when storage is blocked). */
  private readonly choice: Partial<Record<Profile, boolean>> = {};

  constructor(private readonly deps: SoundDeps) {}

  /** The screen now mounted that plays sound (the last one to ask), or null: the toggle hides then. */
  get profile(): Profile | null {
    return this.users[this.users.length - 1] ?? null;
  }

  get lastCue(): Cue | '' {
    return this.last;
  }

  /** A screen that plays sound is shown; the returned function says it is gone. */
  use(profile: Profile): () => void {
    this.users.push(profile);
    if (this.enabled()) this.ensureContext();
    this.apply();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const i = this.users.lastIndexOf(profile);
      if (i >= 0) this.users.splice(i, 1);
      if (!this.users.length) this.loopWanted = false;
      this.apply();
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** This device's choice for the current screen (its default when none was made). */
  enabled(): boolean {
    const p = this.profile;
    if (!p) return false;
    const chosen = this.choice[p];
    if (chosen !== undefined) return chosen;
    try {
      const saved = this.deps.storage?.getItem(STORAGE_KEY(p));
      if (saved === 'on') return true;
      if (saved === 'off') return false;
    } catch {
      // Storage blocked: the default.
    }
    return DEFAULT_ON[p];
  }

  status(): SoundStatus {
    if (!this.deps.createContext || this.broken) return 'unavailable';
    if (!this.enabled()) return 'off';
    return this.ctx?.state === 'running' ? 'on' : 'waiting';
  }

  /** The toggle's click (a user gesture, so the browser lets audio start): waiting -> start, on -> off, off -> on. */
  toggle(): void {
    const s = this.status();
    if (s === 'unavailable') return;
    if (s === 'waiting') this.unlock();
    else this.setEnabled(s === 'off');
  }

  setEnabled(on: boolean): void {
    const p = this.profile;
    if (!p) return;
    this.choice[p] = on;
    try {
      this.deps.storage?.setItem(STORAGE_KEY(p), on ? 'on' : 'off');
    } catch {
      // Not remembered; still applied to this page.
    }
    if (on) this.unlock();
    else this.silence();
    this.apply();
  }

  /** Any click or key on the page: starts the context when sound is wanted and the browser held it back. */
  unlock(): void {
    if (!this.enabled()) return;
    const ctx = this.ensureContext();
    if (ctx && ctx.state !== 'running') this.guard(() => void ctx.resume().catch(() => undefined));
  }

  /** Whether the lobby loop should play (the controller says so from the phase). */
  setLoop(on: boolean): void {
    if (this.loopWanted === on) return;
    this.loopWanted = on;
    this.apply();
  }

  play(cue: Exclude<Cue, 'lobby'>): void {
    if (this.status() !== 'on' || !this.ctx || !this.master) return;
    const ctx = this.ctx;
    const master = this.master;
    if (this.guard(() => playCue(ctx as unknown as BaseAudioContext, master, cue))) this.record(cue);
  }

  private record(cue: Cue): void {
    const p = this.profile;
    if (!p) return;
    this.last = cue;
    const log = this.deps.log;
    log.push({ cue, profile: p, at: this.deps.now() });
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    this.notify();
  }

  /** Starts or stops the loop to match what is wanted and allowed, and tells the toggle. */
  private apply(): void {
    const play = this.loopWanted && this.status() === 'on' && this.ctx && this.master;
    if (play && !this.loop) {
      const ctx = this.ctx!;
      const master = this.master!;
      let loop: Loop | null = null;
      if (this.guard(() => (loop = startLoop(ctx as unknown as BaseAudioContext, master)))) {
        this.loop = loop;
        this.record('lobby');
      }
    } else if (!play && this.loop) {
      const loop = this.loop;
      this.loop = null;
      this.guard(() => loop.stop());
    }
    this.notify();
  }

  /**
   * Mute at once: the context is suspended, and what was already scheduled (a sting's tail) is cut off with the old
   * output, so switching back on starts clean.
   */
  private silence(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    if (ctx.state === 'running') this.guard(() => void ctx.suspend().catch(() => undefined));
    this.guard(() => {
      this.master?.disconnect();
      this.master = this.output(ctx);
    });
  }

  /** The master volume into a compressor (no cue or overlap can clip). */
  private output(ctx: ContextLike): AudioNode {
    const comp = ctx.createDynamicsCompressor();
    const gain = ctx.createGain();
    gain.gain.value = 0.6;
    gain.connect(comp).connect(ctx.destination);
    return gain;
  }

  private ensureContext(): ContextLike | null {
    if (this.ctx || this.broken || !this.deps.createContext) return this.ctx;
    const made = this.guard(() => {
      const ctx = this.deps.createContext!();
      this.master = this.output(ctx);
      ctx.addEventListener('statechange', () => this.apply());
      this.ctx = ctx;
    });
    if (!made) this.broken = true;
    return this.ctx;
  }

  private guard(fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch {
      return false;
    }
  }

  private notify(): void {
    for (const l of this.listeners) this.guard(l);
  }
}

declare global {
  interface Window {
    __hostrushSounds?: PlayedCue[];
    webkitAudioContext?: typeof AudioContext;
  }
}

function pageDeps(): SoundDeps {
  if (typeof window === 'undefined') return { createContext: null, storage: null, log: [], now: () => 0 };
  let storage: Storage | null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const Ctor = window.AudioContext ?? window.webkitAudioContext;
  const log = (window.__hostrushSounds ??= []);
  return {
    createContext: Ctor ? () => new Ctor({ latencyHint: 'interactive' }) : null,
    storage,
    log,
    now: () => Date.now(),
  };
}

/** The page's one sound engine. */
export const sound = new SoundEngine(pageDeps());

if (typeof window !== 'undefined') {
  // The first click or key anywhere lets audio start ("Host a game", "Start game", ...); the toggle handles its own.
  const unlock = (e: Event) => {
    if (e.composedPath().some((n) => n instanceof Element && n.localName === 'sound-toggle')) return;
    sound.unlock();
  };
  for (const type of ['pointerdown', 'pointerup', 'keydown', 'touchend', 'click'] as const)
    window.addEventListener(type, unlock, { capture: true });
}
