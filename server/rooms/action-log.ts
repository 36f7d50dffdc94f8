// A room's action log, each action kept as the JSON text it is stored as: one string per action, not an object tree.
// An answer was its action, actor, answer and time: ~0.2 KB in 4-5 objects, kept for the whole game (4,100 a question
// in a room of 4,100) and marked again by every full GC; its text is one object no GC looks into (docs/BENCHMARKS.md).
import type { Action } from '../../shared/engine/index.js';
import type { ActionText } from '../storage/types.js';

export const actionText = (action: Action): ActionText => JSON.stringify(action) as ActionText;

export class ActionLog {
  private readonly texts: ActionText[];

  constructor(actions: readonly Action[] = []) {
    this.texts = actions.map(actionText);
  }

  /** How many actions were accepted (an action's version is its index + 1). */
  get length(): number {
    return this.texts.length;
  }

  push(action: Action): void {
    this.texts.push(actionText(action));
  }

  /** The stored form of `count` actions from `first` on (fewer at the end). */
  textsFrom(first: number, count: number): ActionText[] {
    return this.texts.slice(first, first + count);
  }

  /** Every action, read back from its text (the stored game, a solo run's check). */
  actions(): Action[] {
    return this.texts.map((text) => JSON.parse(text) as Action);
  }
}
