// Plays a whole game with bots only, as an authority would: the earliest of the bots' wanted actions,
// the engine's wake-up tick, or the host's "next" when nothing else is pending.
import { botMoves } from '../bots.js';
import { createGame, next } from '../reducer.js';
import { nextWakeAt } from '../steps.js';
import type { Action, GameConfig, GameEvent, GameState, Player } from '../types.js';

export interface AutoplayResult {
  state: GameState;
  log: Action[];
  errors: Array<Extract<GameEvent, { type: 'error' }>>;
}

export function autoplay(
  config: GameConfig,
  seed: string,
  bots: Array<NonNullable<Player['bot']>>,
  maxActions = 20_000,
): AutoplayResult {
  let state = createGame(config, seed);
  const log: Action[] = [];
  const errors: AutoplayResult['errors'] = [];
  const step = (a: Action) => {
    const r = next(state, a);
    for (const e of r.events) if (e.type === 'error') errors.push(e);
    state = r.state;
    log.push(a);
  };
  // In solo the one human player is the host; here it only presses "next" and lets the bots play.
  const hostActor = config.mode === 'solo' ? { role: 'player' as const, playerId: 'me' } : { role: 'host' as const };
  if (config.mode === 'solo') step({ type: 'join', actor: { role: 'system' }, at: 0, playerId: 'me', name: 'Me' });
  bots.forEach((bot, i) =>
    step({ type: 'join', actor: { role: 'system' }, at: 0, playerId: `b${i}`, name: `Bot ${i}`, bot }),
  );
  step({ type: 'start', actor: hostActor, at: 1000 });
  while (!state.finished && log.length < maxActions) {
    const wanted: Action[] = bots.flatMap((_, i) => botMoves(state, `b${i}`).slice(0, 1));
    const wake = nextWakeAt(state);
    if (wake !== null) wanted.push({ type: 'tick', actor: { role: 'system' }, at: wake });
    if (wanted.length === 0) wanted.push({ type: 'next', actor: hostActor, at: state.now + 3000 });
    step(wanted.reduce((a, b) => (b.at < a.at ? b : a)));
  }
  return { state, log, errors };
}
