// Which sound a change of the game's phase calls for: pure, so it is tested without a browser. The cues follow what
// the view shows (a new phase, a new step, a deadline), never a clock of their own; only the countdown's ticks are
// placed in time, and they are placed on the view's deadline.
import type { GameView, Phase } from '../../../shared/engine/types.js';

export const CUES = ['lobby', 'start', 'tick', 'timeup', 'reveal', 'podium'] as const;
/** `lobby` is the lobby loop starting; the others are one-shot sounds. */
export type Cue = (typeof CUES)[number];

/** What the sound needs to know of a view: where the game is and when the open question or race ends. */
export interface SoundSnapshot {
  phase: Phase;
  step: number;
  paused: boolean;
  /** Server time the open question (with this device's extended time) or race ends; null when nothing is open. */
  endsAt: number | null;
}

/** The countdown ticks in the last seconds of a question or race: this many, one a second. */
export const TICK_SECONDS = 5;
/** A question closed this close to its deadline (or after) ran out of time: "time's up" before the reveal. */
export const TIME_UP_SLACK_MS = 600;

export function snapshotOf(view: GameView | null, timeFactor = 1): SoundSnapshot | null {
  if (!view) return null;
  let endsAt: number | null = null;
  if (view.phase === 'question' && view.question && !view.question.closed)
    endsAt = view.question.openedAt + view.question.limitMs * (timeFactor > 0 ? timeFactor : 1);
  else if (view.phase === 'race' && view.race) endsAt = view.race.endsAt;
  return { phase: view.phase, step: view.step, paused: view.paused, endsAt };
}

const OPEN: ReadonlySet<Phase> = new Set(['question', 'race']);
const RESULT: ReadonlySet<Phase> = new Set(['reveal', 'race-result']);

/**
 * The one-shot cues for a change from `prev` to `next` (server time `now`). The first view a page sees plays
 * nothing but the lobby loop: a projector reloaded mid-game does not replay a reveal or a podium.
 */
export function cuesFor(prev: SoundSnapshot | null, next: SoundSnapshot, now: number): Cue[] {
  if (!prev) return [];
  const moved = prev.phase !== next.phase || prev.step !== next.step;
  if (!moved) return [];
  const cues: Cue[] = [];
  if (OPEN.has(next.phase)) cues.push('start');
  if (OPEN.has(prev.phase) && RESULT.has(next.phase)) {
    if (prev.endsAt !== null && !prev.paused && now >= prev.endsAt - TIME_UP_SLACK_MS) cues.push('timeup');
    cues.push('reveal');
  }
  if (next.phase === 'podium') cues.push('podium');
  return cues;
}

/**
 * Whether the lobby loop should be playing: in the lobby, on the projector (a room of phones looping it would be
 * noise).
 */
export function wantsLoop(s: SoundSnapshot | null, screen: 'projector' | 'phone'): boolean {
  return screen === 'projector' && s?.phase === 'lobby';
}

/** Server times of the countdown's ticks still to come (the last TICK_SECONDS whole seconds before the deadline). */
export function ticksFor(s: SoundSnapshot | null, now: number): number[] {
  if (!s || s.paused || s.endsAt === null || !OPEN.has(s.phase)) return [];
  const out: number[] = [];
  for (let k = TICK_SECONDS; k >= 1; k--) {
    const at = s.endsAt - k * 1000;
    if (at > now - 100) out.push(at);
  }
  return out;
}

/** Two snapshots that place the same ticks (a new deadline, a pause or another phase asks for new ones). */
export function sameClock(a: SoundSnapshot | null, b: SoundSnapshot | null): boolean {
  return a?.phase === b?.phase && a?.step === b?.step && a?.paused === b?.paused && a?.endsAt === b?.endsAt;
}
