// When a transient message (a refused action, a lost claim) stops being shown: after a few seconds, or as soon as the
// screen moves on to another phase or step, so "someone else claimed it first" never lingers onto the podium.
// Messages shown before any game (a join form's) stay until the next attempt or the first phase.

/** GUESS: long enough to read a sentence twice. */
export const TRANSIENT_MS = 6000;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TransientMessage {
  private key: string | null = null;
  private timer: unknown = null;

  constructor(
    /** Clears the message on screen. */
    private readonly clearMessage: () => void,
    private readonly ms = TRANSIENT_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /**
   * Call after each render with the message shown and what the screen shows (phase and step, '' before a game).
   * `changed`: the message was (re)set in this render.
   */
  seen(message: string, screen: string, changed: boolean): void {
    if (changed) {
      this.stop();
      this.key = message ? screen : null;
      if (message && screen)
        this.timer = this.timers.set(() => ((this.timer = null), (this.key = null), this.clearMessage()), this.ms);
    } else if (message && this.key !== null && this.key !== screen) {
      this.stop();
      this.key = null;
      this.clearMessage();
    }
  }

  /** Stops the timer (the element left the page). */
  stop(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
