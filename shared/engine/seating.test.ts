// The game's one join rule (seating.ts), ranks and view parts (standings.ts, view.ts): what the engine's reducer
// applies is what the authority asks, with the codes docs/PROTOCOL.md documents.
import { describe, expect, it } from 'vitest';
import {
  balancedTeam,
  createGame,
  joinRefusal,
  leaderboard,
  next,
  personalView,
  rankOf,
  sharedView,
  viewFor,
  type Action,
  type GameConfig,
  type GameState,
} from './index.js';
import { config } from './testing/fixtures.js';
import { playerOf } from './players.js';
import { readFileSync } from 'node:fs';
import { visibleTop } from './view.js';
import { visibleTopFor } from './board-limit.js';

const host = { role: 'host' } as const;
const system = { role: 'system' } as const;
let clock = 0;
type Step = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

function run(state: GameState, ...actions: Step[]): GameState {
  for (const a of actions) {
    const r = next(state, { ...a, at: ++clock });
    const error = r.events.find((e) => e.type === 'error');
    if (error) throw new Error(JSON.stringify(error));
    state = r.state;
  }
  return state;
}
const join = (playerId: string, name: string, teamId?: string): Step => ({
  type: 'join',
  actor: system,
  playerId,
  name,
  ...(teamId ? { teamId } : {}),
});

function refusedCode(state: GameState, name: string): string | null {
  const r = next(state, { type: 'join', actor: system, at: ++clock, playerId: `x${clock}`, name });
  const error = r.events.find((e) => e.type === 'error');
  return error?.type === 'error' ? error.code : null;
}

function seated(patch: Partial<GameConfig> = {}, mode: GameConfig['mode'] = 'classroom'): GameState {
  return run(createGame(config(mode, patch), 'seating'), join('p1', 'Ada'), join('p2', 'Bo'));
}

describe('the join rule', () => {
  it('a game started without late join refuses a joiner with room/started, the code the room sends', () => {
    const started = run(seated({ lateJoin: false }), { type: 'start', actor: host });
    expect(joinRefusal(started, 'Cy')).toMatchObject({ code: 'room/started' });
    expect(refusedCode(started, 'Cy')).toBe('room/started');
    // With late join on, the same state seats them (from the next step).
    const open = run(seated({ lateJoin: true }), { type: 'start', actor: host });
    expect(joinRefusal(open, 'Cy')).toBeNull();
    const after = run(open, join('p3', 'Cy'));
    expect(playerOf(after, 'p3')?.joinedAtStep).toBe(after.step + 1);
  });

  it('a locked lobby refuses with lobby/locked; a started game without late join says room/started first', () => {
    const locked = run(seated({ lateJoin: false }), { type: 'lock-lobby', actor: host, locked: true });
    expect(refusedCode(locked, 'Cy')).toBe('lobby/locked');
    expect(refusedCode(run(locked, { type: 'start', actor: host }), 'Cy')).toBe('room/started');
  });

  it("a seated player's name (or a look-alike) is taken; a removed player's stays banned", () => {
    let state = seated();
    expect(refusedCode(state, 'ADA')).toBe('name/taken');
    expect(refusedCode(state, '\u0410da')).toBe('name/taken'); // Cyrillic А
    state = run(state, { type: 'remove-player', actor: host, playerId: 'p1' });
    expect(refusedCode(state, 'ada')).toBe('name/banned');
    expect(joinRefusal(state, 'Ada')).toMatchObject({ code: 'name/banned' });
  });

  it('balances teams by the sizes it keeps, through joins, moves and removals (ties to the first)', () => {
    let state = createGame(config('team', { teamCount: 3 }), 'teams');
    state = run(state, join('a', 'A'), join('b', 'B'), join('c', 'C'), join('d', 'D', 't1'));
    const walk = (s: GameState) =>
      Object.keys(s.teams).map(
        (t) => s.playerOrder.filter((id) => playerOf(s, id)?.teamId === t && !playerOf(s, id)?.removed).length,
      );
    expect(walk(state)).toEqual([2, 1, 1]);
    expect(Object.values(state.teamSizes)).toEqual(walk(state));
    expect(balancedTeam(state)).toBe('t2');
    state = run(
      state,
      { type: 'move-player', actor: host, playerId: 'd', teamId: 't3' },
      { type: 'remove-player', actor: host, playerId: 'b' },
    );
    expect(Object.values(state.teamSizes)).toEqual(walk(state));
    expect(walk(state)).toEqual([1, 0, 2]);
    state = run(state, join('e', 'E'));
    expect(playerOf(state, 'e')?.teamId).toBe('t2');
    expect(balancedTeam(seated())).toBeNull();
  });
});

describe('ranks and view parts', () => {
  const played = () => {
    let state = createGame(config('classroom', { leaderboard: 'top3' }), 'ranks');
    state = run(state, ...['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'].map((n, i) => join(`p${i}`, n)), {
      type: 'start',
      actor: host,
    });
    const q = state.question!;
    // Single-choice options are presented in their order (perm only orders ordering and matching items).
    const right = 0;
    const wrong = 1;
    // Two answer right, one wrong: ties among the rest.
    state = run(
      state,
      {
        type: 'answer',
        actor: { role: 'player', playerId: 'p4' },
        questionId: q.questionId,
        answer: { type: 'single', choice: right },
      },
      {
        type: 'answer',
        actor: { role: 'player', playerId: 'p5' },
        questionId: q.questionId,
        answer: { type: 'single', choice: right },
      },
      {
        type: 'answer',
        actor: { role: 'player', playerId: 'p0' },
        questionId: q.questionId,
        answer: { type: 'single', choice: wrong },
      },
      { type: 'next', actor: host },
    );
    return state;
  };

  it("rankOf is the leaderboard's rank, from this state's board or a kept one", () => {
    const state = played();
    const board = leaderboard(state);
    expect(new Set(board.map((s) => s.score)).size).toBeGreaterThan(1);
    for (const s of board) {
      expect(rankOf(state, s.playerId)).toBe(s.rank);
      expect(rankOf(state, s.playerId, () => board)).toBe(s.rank);
    }
    // A late joiner missing from a kept board is ranked by its score (0: behind every scorer, tied with the rest).
    const later = run(state, join('late', 'Late'));
    expect(rankOf(later, 'late', () => board)).toBe(leaderboard(later).find((s) => s.playerId === 'late')!.rank);
    expect(rankOf(later, 'nobody')).toBe(0);
  });

  it("a player's view is the shared view plus its own part, whoever builds it", () => {
    const state = played();
    const shared = sharedView(state, null);
    expect(shared.me).toBeNull();
    expect(shared.players).toHaveLength(3);
    for (const id of state.playerOrder) {
      expect(personalView(shared, state, id, rankOf(state, id))).toEqual(
        viewFor(state, { role: 'player', playerId: id }),
      );
    }
    // Below the visible top, a player sees the top and then its own row.
    const last = leaderboard(state).at(-1)!.playerId;
    expect(viewFor(state, { role: 'player', playerId: last }).players.map((p) => p.id)).toEqual([
      ...shared.players.map((p) => p.id),
      last,
    ]);
  });
});

describe('leaderboard limits', () => {
  it("the views' visible top and the projector's board follow the one rule (board-limit.ts)", () => {
    const state = seated({ leaderboard: 'end' });
    expect(visibleTop(state)).toBe(visibleTopFor('end', false));
    expect(visibleTop({ ...state, phase: 'podium' })).toBe(visibleTopFor('end', true));
    expect([visibleTopFor('top3', false), visibleTopFor('never', false), visibleTopFor('never', true)]).toEqual([
      3, 0, 3,
    ]);
    // The projector asks the engine's rule instead of a table of its own.
    const hostView = readFileSync(new URL('../../client/src/views/host-view.ts', import.meta.url), 'utf8');
    expect(hostView).toMatch(/visibleTopFor\(/);
    expect(hostView).not.toMatch(/top3:\s*3/);
  });
});
