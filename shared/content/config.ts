// A game config from a pack and the host's options.
import { DEFAULT_SCORING } from '../engine/quiz/scoring.js';
import type { GameConfig, GameMode, LeaderboardMode, ScoringOptions } from '../engine/types.js';
import { dailyRounds } from './daily.js';
import type { GamePack } from './pack.js';

export interface GameOptions {
  mode: GameMode;
  teamCount?: number;
  questionTimeS?: number;
  /** Leave the races out (quiz only). */
  races?: boolean;
  scoring?: Partial<ScoringOptions>;
  lateJoin?: boolean;
  lateJoinScore?: 'zero' | 'lowest';
  leaderboard?: LeaderboardMode;
  showQuestionOnDevices?: boolean;
  teamRoles?: boolean;
  /** A daily challenge: the day's seed draws a short game from the pack (see daily.ts). */
  dailySeed?: string;
}

export function configFromPack(pack: GamePack, options: GameOptions): GameConfig {
  const source = options.dailySeed !== undefined ? dailyRounds(pack, options.dailySeed) : pack.rounds;
  const rounds = options.races === false ? source.filter((r) => r.kind === 'quiz') : source;
  const config: GameConfig = {
    mode: options.mode,
    content: { questions: pack.questions, cards: pack.cards, scenarios: pack.scenarios },
    rounds,
    scoring: { ...DEFAULT_SCORING, ...options.scoring },
    teamCount: options.mode === 'team' ? Math.max(2, Math.min(12, options.teamCount ?? 2)) : 0,
    lateJoin: options.lateJoin ?? true,
    lateJoinScore: options.lateJoinScore ?? 'zero',
    leaderboard: options.leaderboard ?? 'top5',
    showQuestionOnDevices: options.showQuestionOnDevices ?? true,
    teamRoles: options.mode === 'team' && (options.teamRoles ?? false),
  };
  if (options.questionTimeS !== undefined) config.questionTimeS = options.questionTimeS;
  return config;
}
