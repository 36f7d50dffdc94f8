// A room's action log, each action kept as the JSON text it is stored as once it is stored: one string per action, not
// an object tree. An answer was its action, actor, answer and time: ~0.2 KB in 4-5 objects, kept for the whole game
// (4,100 a question in a room of 4,100) and marked again by every full GC; its text is one object no GC looks into
// (docs/BENCHMARKS.md). The text is made when the action is written (a batch every few ms), not on the answer's path.
import type { Action } from '../../shared/engine/index.js';
import type { ActionText } from '../storage/types.js';

export const actionText = (action: Action): ActionText => JSON.stringify(action) as ActionText;

export class ActionLog {
  /** Each action: its object until it is written to storage, then its text. */
  private readonly entries: Array<Action | ActionText>;

  /** A log read back from storage: every action is stored already, so each is kept as its text at once. */
  constructor(stored: readonly Action[] = []) {
    this.entries = stored.map(actionText);
  }

  /** How many actions were accepted (an action's version is its index + 1). */
  get length(): number {
    return this.entries.length;
  }

  push(action: Action): void {
    this.entries.push(action);
  }

  /** The stored form of `count` actions from `first` on (fewer at the end); from now on each is kept as its text. */
  textsFrom(first: number, count: number): ActionText[] {
    const texts: ActionText[] = [];
    for (let i = first; i < Math.min(this.entries.length, first + count); i++) {
      const entry = this.entries[i]!;
      const text = typeof entry === 'string' ? entry : actionText(entry);
      this.entries[i] = text;
      texts.push(text);
    }
    return texts;
  }

  /** Every action's stored form (the finished game's log, written as it is); from now on each is kept as its text. */
  texts(): ActionText[] {
    return this.textsFrom(0, this.entries.length);
  }

  /** Every action (a solo run's check, tests): the texts read back. */
  actions(): Action[] {
    return this.entries.map((entry) => (typeof entry === 'string' ? (JSON.parse(entry) as Action) : entry));
  }
}
