// The game's sounds, made in the browser with Web Audio: no audio file is downloaded or bundled. Each cue is a few
// oscillators with short envelopes; the lobby loop is a soft arpeggio over four chords, scheduled a little ahead.
import type { Cue } from './cues.js';

type Wave = OscillatorType;

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

interface Note {
  midi: number;
  at: number;
  wave?: Wave;
  peak?: number;
  attack?: number;
  decay?: number;
  /** Pitch glides to this many semitones from the start over the note. */
  glide?: number;
}

/** One enveloped oscillator into `dest`; it stops itself. */
function note(ctx: BaseAudioContext, dest: AudioNode, n: Note): void {
  const { at, wave = 'triangle', peak = 0.2, attack = 0.01, decay = 0.3 } = n;
  const osc = ctx.createOscillator();
  osc.type = wave;
  osc.frequency.setValueAtTime(hz(n.midi), at);
  if (n.glide) osc.frequency.exponentialRampToValueAtTime(hz(n.midi + n.glide), at + attack + decay);
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(peak, at + attack);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + attack + decay);
  osc.connect(gain).connect(dest);
  osc.start(at);
  osc.stop(at + attack + decay + 0.05);
}

/** A bell: the note with two quieter partials above it. */
function bell(ctx: BaseAudioContext, dest: AudioNode, midi: number, at: number, peak: number, decay: number): void {
  note(ctx, dest, { midi, at, wave: 'sine', peak, attack: 0.005, decay });
  note(ctx, dest, { midi: midi + 12, at, wave: 'sine', peak: peak * 0.35, attack: 0.005, decay: decay * 0.6 });
  note(ctx, dest, { midi: midi + 19, at, wave: 'sine', peak: peak * 0.15, attack: 0.005, decay: decay * 0.4 });
}

function lowpass(ctx: BaseAudioContext, dest: AudioNode, cutoff: number): BiquadFilterNode {
  const f = ctx.createBiquadFilter();
  f.type = 'lowpass';
  f.frequency.value = cutoff;
  f.connect(dest);
  return f;
}

/** Plays one cue at the context's current time. */
export function playCue(ctx: BaseAudioContext, dest: AudioNode, cue: Exclude<Cue, 'lobby'>): void {
  const t = ctx.currentTime + 0.01;
  switch (cue) {
    case 'start':
      // A quick rising fifth: "here we go".
      note(ctx, dest, { midi: 72, at: t, peak: 0.22, decay: 0.16 });
      note(ctx, dest, { midi: 79, at: t + 0.09, peak: 0.22, decay: 0.3 });
      bell(ctx, dest, 84, t + 0.09, 0.06, 0.5);
      return;
    case 'tick':
      // A woodblock: a short sine whose pitch drops.
      note(ctx, dest, { midi: 86, at: t, wave: 'sine', peak: 0.6, attack: 0.002, decay: 0.09, glide: -7 });
      note(ctx, dest, { midi: 74, at: t, wave: 'triangle', peak: 0.25, attack: 0.002, decay: 0.05 });
      return;
    case 'timeup': {
      // Two soft low notes falling a third.
      const f = lowpass(ctx, dest, 900);
      note(ctx, f, { midi: 64, at: t, wave: 'square', peak: 0.22, attack: 0.01, decay: 0.32 });
      note(ctx, f, { midi: 60, at: t + 0.2, wave: 'square', peak: 0.22, attack: 0.01, decay: 0.5 });
      return;
    }
    case 'reveal':
      // A grace note and a bright chord of bells.
      bell(ctx, dest, 72, t, 0.12, 0.25);
      for (const m of [67, 76, 79]) bell(ctx, dest, m, t + 0.1, 0.11, 1.1);
      return;
    case 'podium': {
      // A short fanfare: an arpeggio up to a held major chord, and a sparkle on top.
      const brass = lowpass(ctx, dest, 2400);
      [67, 72, 76].forEach((m, i) =>
        note(ctx, brass, { midi: m, at: t + i * 0.14, wave: 'sawtooth', peak: 0.2, attack: 0.02, decay: 0.2 }),
      );
      for (const m of [60, 64, 67, 72, 79])
        note(ctx, brass, { midi: m, at: t + 0.42, wave: 'sawtooth', peak: 0.1, attack: 0.04, decay: 1.7 });
      [84, 88, 91, 96].forEach((m, i) => bell(ctx, dest, m, t + 0.5 + i * 0.08, 0.05, 0.6));
      return;
    }
  }
}

// The lobby loop: Cmaj7 - Am7 - Fmaj7 - G, one bar each at 88 beats a minute, in eighths.
const EIGHTH = 60 / 88 / 2;
const CHORDS = [
  [60, 64, 67, 71],
  [57, 60, 64, 67],
  [53, 57, 60, 64],
  [55, 59, 62, 67],
] as const;
const ARP = [0, 1, 2, 3, 2, 1, 2, 3] as const;
const ARP_B = [0, 2, 1, 3, 0, 2, 3, 1] as const;
const LOOKAHEAD_S = 0.8;

export interface Loop {
  stop(): void;
}

/**
 * Starts the lobby loop (faded in); `stop` fades it out. `lookaheadS`: how far ahead notes are scheduled (an offline
 * render asks for all).
 */
export function startLoop(ctx: BaseAudioContext, dest: AudioNode, lookaheadS = LOOKAHEAD_S): Loop {
  const bus = ctx.createGain();
  const now = ctx.currentTime;
  bus.gain.setValueAtTime(0.0001, now);
  bus.gain.exponentialRampToValueAtTime(1, now + 1.5);
  bus.connect(dest);
  const soft = lowpass(ctx, bus, 1800);
  let step = 0;
  let next = now + 0.1;
  const schedule = (i: number, at: number) => {
    const bar = Math.floor(i / 8) % CHORDS.length;
    const pos = i % 8;
    const chord = CHORDS[bar]!;
    const pattern = Math.floor(i / 32) % 2 === 0 ? ARP : ARP_B;
    note(ctx, soft, { midi: chord[pattern[pos]!] + 12, at, peak: 0.06, attack: 0.006, decay: 0.34 });
    if (pos === 0 || pos === 4)
      note(ctx, soft, { midi: chord[0] - 12, at, wave: 'sine', peak: 0.11, attack: 0.02, decay: 0.6 });
    if (pos === 0)
      for (const m of chord.slice(1, 3))
        note(ctx, soft, { midi: m, at, wave: 'sine', peak: 0.025, attack: 0.4, decay: 2.4 });
  };
  const pump = () => {
    // After a stall (a hidden tab's timers slow down), go on from now instead of piling notes up in the past.
    if (next < ctx.currentTime) next = ctx.currentTime + 0.05;
    while (next < ctx.currentTime + lookaheadS) {
      schedule(step++, next);
      next += EIGHTH;
    }
  };
  pump();
  const timer = setInterval(pump, 200);
  return {
    stop() {
      clearInterval(timer);
      const t = ctx.currentTime;
      bus.gain.cancelScheduledValues(t);
      bus.gain.setValueAtTime(Math.max(bus.gain.value, 0.0001), t);
      bus.gain.exponentialRampToValueAtTime(0.0001, t + 0.4);
      setTimeout(() => bus.disconnect(), 600);
    },
  };
}
