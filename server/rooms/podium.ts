// The finished game's podium: standings, teams and (solo) the verified run, from the final state.
import { leaderboard, playerOf, teamLeaderboard, type GameState } from '../../shared/engine/index.js';
import type { Podium } from '../../shared/protocol/index.js';

export function buildPodium(state: GameState, gameId: string, solo: Podium['solo'] | undefined): Podium {
  const names = (id: string) => playerOf(state, id)?.name ?? '';
  return {
    gameId,
    standings: leaderboard(state).map((s) => ({
      playerId: s.playerId,
      name: names(s.playerId),
      teamId: playerOf(state, s.playerId)?.teamId ?? null,
      score: s.score,
      rank: s.rank,
    })),
    teams: teamLeaderboard(state).map((t) => ({
      teamId: t.teamId,
      name: state.teams[t.teamId]?.name ?? t.teamId,
      score: t.score,
      rank: t.rank,
      // The engine's members, whose scores make the team's (removed players are in neither).
      members: t.members,
    })),
    ...(solo ? { solo } : {}),
  };
}
