// Plays the game's cues on a view: added to the host view (projector) and the play screen (phones, solo) with one
// line. After each render it compares what the view shows with what it showed before: a new phase or step plays its
// cue (cues.ts), the lobby keeps its loop, and an open question or race ticks in its last seconds, placed on the
// view's own deadline (a pause, +10 s or a new question places them anew).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GameView } from '../../../shared/engine/types.js';
import { cuesFor, sameClock, snapshotOf, ticksFor, wantsLoop, type SoundSnapshot } from './cues.js';
import { sound, type Profile, type SoundEngine } from './sound.js';

export interface SoundSource {
  view: GameView | null;
  /** Server clock minus this device's clock. */
  offset: number;
  /** This player's extended-time factor (1 for everyone else). */
  timeFactor?: number;
}

export class SoundCues implements ReactiveController {
  private prev: SoundSnapshot | null = null;
  private ticks: Array<ReturnType<typeof setTimeout>> = [];
  private release: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly profile: Profile,
    private readonly read: () => SoundSource,
    private readonly engine: SoundEngine = sound,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.release = this.engine.use(this.profile);
  }

  hostDisconnected(): void {
    this.clearTicks();
    this.engine.setLoop(false);
    this.release?.();
    this.release = null;
    this.prev = null;
  }

  hostUpdated(): void {
    let src: SoundSource;
    try {
      src = this.read();
    } catch {
      return;
    }
    const next = snapshotOf(src.view, src.timeFactor ?? 1);
    if (!next) return;
    const now = Date.now() + src.offset;
    for (const cue of cuesFor(this.prev, next, now)) if (cue !== 'lobby') this.engine.play(cue);
    this.engine.setLoop(wantsLoop(next, this.profile));
    if (!sameClock(this.prev, next)) {
      this.clearTicks();
      for (const at of ticksFor(next, now))
        this.ticks.push(setTimeout(() => this.engine.play('tick'), Math.max(0, at - now)));
    }
    this.prev = next;
  }

  private clearTicks(): void {
    for (const t of this.ticks) clearTimeout(t);
    this.ticks = [];
  }
}
