// Game options teachers asked for: leaderboard visibility, question on devices, team layers, the cloud bill.
import { describe, expect, it } from 'vitest';
import { billOf, bestPlanBill, bestPlanBillForRace, createGame, next, viewFor } from './index.js';
import type { Action, Actor, GameConfig, GameState } from './index.js';
import { CONTENT, config } from './testing/fixtures.js';
import { playerOf } from './players.js';

const system: Actor = { role: 'system' };
const host: Actor = { role: 'host' };
const as = (playerId: string): Actor => ({ role: 'player', playerId });

function withPlayers(cfg: GameConfig, n: number): GameState {
  let s = createGame(cfg, 'opt');
  for (let i = 0; i < n; i++)
    s = next(s, { type: 'join', actor: system, at: 0, playerId: `p${i}`, name: `P${i}` }).state;
  return s;
}
function apply(s: GameState, a: Action): GameState {
  const r = next(s, a);
  const err = r.events.find((e) => e.type === 'error');
  if (err) throw new Error(JSON.stringify(err));
  return r.state;
}

describe('leaderboard option', () => {
  it.each([
    ['top3', 3],
    ['top5', 5],
    ['top10', 10],
    ['end', 0],
    ['never', 0],
  ] as const)('%s shows a player the top %i between rounds, and always its own rank', (mode, n) => {
    let s = withPlayers(config('classroom', { leaderboard: mode }), 12);
    s = apply(s, { type: 'start', actor: host, at: 1 });
    s = apply(s, { type: 'answer', actor: as('p11'), at: 2, questionId: 'q1', answer: { type: 'single', choice: 0 } });
    const view = viewFor(s, as('p10'));
    const others = view.players.filter((p) => p.id !== 'p10');
    expect(others.length).toBe(Math.min(n, 11));
    expect(view.me).toMatchObject({ id: 'p10', rank: 1 }); // points are held until the question closes: all tied
    expect(view.leaderboard).toBe(mode);
    expect(viewFor(s, host).players).toHaveLength(12);
  });
  it('"never" still shows the top 3 on the podium', () => {
    let s = withPlayers(config('classroom', { leaderboard: 'never' }), 5);
    s = apply(s, { type: 'start', actor: host, at: 1 });
    s = apply(s, { type: 'end', actor: host, at: 2 });
    expect(viewFor(s, as('p4')).players.length).toBeGreaterThanOrEqual(3);
  });
});

describe('question on devices', () => {
  it('when off, devices get the answer shapes but not the text until the question closes', () => {
    let s = withPlayers(config('classroom', { showQuestionOnDevices: false }), 2);
    s = apply(s, { type: 'start', actor: host, at: 1 });
    const pv = viewFor(s, as('p0')).question!.question;
    expect(pv.prompt).toBe('');
    expect(pv.options).toEqual(['', '', '', '']);
    expect(viewFor(s, host).question!.question.prompt).not.toBe('');
    s = apply(s, { type: 'next', actor: host, at: 2 });
    expect(viewFor(s, as('p0')).question!.question.prompt).not.toBe('');
  });
});

describe('team layers (shared responsibility)', () => {
  const teamRace = () => {
    let s = withPlayers(config('team', { teamRoles: true, rounds: [{ kind: 'race', scenarioId: 's1' }] }), 4);
    // p0 and p2 are in team t1.
    s = apply(s, { type: 'take-layer', actor: as('p0'), at: 0, layer: 'infrastructure' });
    s = apply(s, { type: 'take-layer', actor: as('p2'), at: 0, layer: 'application' });
    return s;
  };
  it('one owner per layer per team', () => {
    const s = teamRace();
    expect(next(s, { type: 'take-layer', actor: as('p2'), at: 0, layer: 'infrastructure' }).events[0]).toMatchObject({
      code: 'team/layer-taken',
    });
    // Another team may own the same layer.
    expect(next(s, { type: 'take-layer', actor: as('p1'), at: 0, layer: 'infrastructure' }).events).toEqual([]);
  });
  it('only the owner of a layer acts on it; an unowned layer is anyone’s', () => {
    let s = apply(teamRace(), { type: 'start', actor: host, at: 1 });
    const onPrem: Action = {
      type: 'deploy',
      actor: as('p2'),
      at: 1,
      cardId: 'web',
      choice: { kind: 'container', placement: 'on-prem' },
    };
    expect(next(s, onPrem).events[0]).toMatchObject({ code: 'team/not-your-layer' });
    s = apply(s, { ...onPrem, actor: as('p0') });
    const dep = s.race!.hosts['team:t1']!.deployments[0]!;
    expect(dep.layer).toBe('infrastructure');
    // IaaS is the OS/runtime layer, which nobody in t1 owns: the application owner may act.
    s = apply(s, {
      type: 'deploy',
      actor: as('p2'),
      at: 13_000,
      cardId: 'plugins',
      choice: { kind: 'vm-full', placement: 'iaas' },
    });
    expect(s.race!.hosts['team:t1']!.deployments[1]!.layer).toBe('os-runtime');
  });
});

describe('the cloud bill', () => {
  it('adds up what a player reserved, used, paid and lost, beside the best plan’s bill', () => {
    let s = withPlayers(config('solo', { rounds: [{ kind: 'race', scenarioId: 's1' }] }), 1);
    s = apply(s, { type: 'start', actor: as('p0'), at: 0 });
    s = apply(s, {
      type: 'deploy',
      actor: as('p0'),
      at: 0,
      cardId: 'web',
      choice: { kind: 'vm-full', placement: 'on-prem' },
    });
    s = apply(s, {
      type: 'deploy',
      actor: as('p0'),
      at: 60_000,
      cardId: 'office',
      choice: { kind: 'container', placement: 'saas' },
    });
    s = apply(s, { type: 'tick', actor: system, at: 120_000 });
    const bill = billOf(s, 'player:p0', 'p0');
    expect(bill.deployments).toBe(2);
    expect(bill.reserved.ramGb).toBeGreaterThan(bill.used.ramGb); // the VM's guest OS
    expect(bill.offPremCostPerHour).toBeGreaterThan(0);
    expect(bill.downtimeMinutes).toBeGreaterThan(0); // the hardware failure hit the on-premise VM
    const best = bestPlanBill(CONTENT, 's1', 'opt', 60);
    expect(best.score).toBeGreaterThan(0);
    expect(best.deployments).toBeGreaterThan(0);
    // Against the live race's own events (its random one included), from the state at the race's end.
    const live = bestPlanBillForRace(s, 60)!;
    expect(live.score).toBeGreaterThan(0);
    expect(live.downtimeMinutes).toBeGreaterThanOrEqual(0);
  });
});

describe('team choice', () => {
  it('a player may move itself in the lobby, not others, and not after the start', () => {
    let s = withPlayers(config('team'), 3);
    s = apply(s, { type: 'move-player', actor: as('p0'), at: 0, playerId: 'p0', teamId: 't2' });
    expect(playerOf(s, 'p0')!.teamId).toBe('t2');
    expect(
      next(s, { type: 'move-player', actor: as('p0'), at: 0, playerId: 'p1', teamId: 't2' }).events[0],
    ).toMatchObject({ code: 'action/forbidden' });
    s = apply(s, { type: 'start', actor: host, at: 1 });
    expect(
      next(s, { type: 'move-player', actor: as('p0'), at: 2, playerId: 'p0', teamId: 't1' }).events[0],
    ).toMatchObject({ code: 'action/forbidden' });
  });
});
