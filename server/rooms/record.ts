// Builds the stored record of a game while it runs: answers as questions close, decisions as cards are deployed,
// every score change with its why, and each race's cloud bills. Fed by the same step results live and during a
// restore, so both agree.
import type { Bill, GameContent, GameEvent, GameState, StepResult, TopicId } from '../../shared/engine/index.js';
import { answerOf, bestPlanBill, billOf, leaderboard, playerOf } from '../../shared/engine/index.js';
import type { RaceBill } from '../../shared/protocol/index.js';
import type {
  FinishedAnswer,
  FinishedDecision,
  GameToStore,
  FinishedQuestion,
  FinishedScoreChange,
  RoomRecord,
} from '../storage/types.js';

/**
 * One closed question's answers, in columns: a row object per answer (~0.2 KB with its numbers) was kept for the
 * whole game, 4,100 a question in a room of 4,100, and marked by every full GC (docs/BENCHMARKS.md). Rows are made
 * once, when the finished game is built.
 */
interface ClosedAnswers {
  questionId: string;
  topic: TopicId;
  playerIds: string[];
  correctness: Float64Array;
  points: Float64Array;
  elapsedMs: Float64Array;
}

export class GameRecorder {
  private readonly closedAnswers: ClosedAnswers[] = [];
  readonly decisions: FinishedDecision[] = [];
  readonly scoreChanges: FinishedScoreChange[] = [];
  readonly questions = new Map<string, FinishedQuestion>();
  /** Every race's bills, in order (a race's come together when it ends). */
  readonly bills: RaceBill[] = [];
  startedAt: number | null = null;
  finishedAt: number | null = null;
  private readonly best = new Map<string, (Bill & { score: number }) | null>();

  observe(before: GameState, result: StepResult): void {
    const { state, events } = result;
    for (const event of events) this.observeEvent(before, state, event);
    if (raceEnded(before, state)) this.billRace(state);
  }

  /**
   * The best-known plan's bill for a scenario (~20-50 ms, cached): the room asks for it when a race starts,
   * off the hot path, so the race's end finds it ready.
   */
  bestFor(content: GameContent, scenarioId: string, seed: string): (Bill & { score: number }) | null {
    const key = `${seed}\u0000${scenarioId}`;
    if (!this.best.has(key)) {
      let best: (Bill & { score: number }) | null;
      try {
        best = bestPlanBill(content, scenarioId, `${seed}:${scenarioId}`);
      } catch {
        best = null;
      }
      this.best.set(key, best);
    }
    return this.best.get(key) ?? null;
  }

  /** A race ended (its final audit ran): one bill per player (classroom, solo) or per team, plus the class's. */
  private billRace(state: GameState): void {
    const race = state.race!;
    const scenario = state.config.content.scenarios.find((s) => s.id === race.scenarioId);
    const best = this.bestFor(state.config.content, race.scenarioId, state.seed);
    const base = {
      step: state.step,
      scenarioId: race.scenarioId,
      scenarioTitle: scenario?.title ?? race.scenarioId,
      best,
    };
    const mode = state.config.mode;
    const bills: RaceBill[] = [];
    if (mode === 'team') {
      for (const hostId of Object.keys(race.hosts)) {
        const teamId = hostId.slice('team:'.length);
        const team = state.teams[teamId];
        bills.push({
          ...base,
          owner: { kind: 'team', id: teamId, name: team?.name ?? teamId },
          bill: billOf(state, hostId),
        });
      }
    } else {
      const players = state.playerOrder.filter((id) => {
        const p = playerOf(state, id);
        return p && !p.removed && p.joinedAtStep <= state.step;
      });
      if (mode === 'classroom' && race.hosts.room) {
        bills.push({ ...base, owner: { kind: 'class', id: 'room', name: 'class' }, bill: billOf(state, 'room') });
      }
      for (const id of players) {
        const hostId = mode === 'classroom' ? 'room' : `player:${id}`;
        if (!race.hosts[hostId]) continue;
        bills.push({
          ...base,
          owner: { kind: 'player', id, name: playerOf(state, id)?.name ?? id },
          bill: billOf(state, hostId, id),
        });
      }
    }
    for (const bill of bills) this.bills.push(bill);
  }

  private observeEvent(before: GameState, state: GameState, event: GameEvent): void {
    switch (event.type) {
      case 'phase':
        if (this.startedAt === null && before.phase === 'lobby') this.startedAt = state.now;
        break;
      case 'question-closed': {
        const q = state.config.content.questions.find((x) => x.id === event.questionId);
        if (q && !this.questions.has(q.id)) {
          this.questions.set(q.id, { questionId: q.id, topic: q.topic, type: q.type, prompt: q.prompt });
        }
        // The closed question's records are still in the state that closed it (or in the one before).
        const closed = state.question?.questionId === event.questionId ? state.question : before.question;
        const playerIds = Object.keys(event.results);
        const columns: ClosedAnswers = {
          questionId: event.questionId,
          topic: q?.topic ?? 'virtualization',
          playerIds,
          correctness: new Float64Array(playerIds.length),
          points: new Float64Array(playerIds.length),
          elapsedMs: new Float64Array(playerIds.length),
        };
        playerIds.forEach((playerId, i) => {
          const result = event.results[playerId]!;
          columns.correctness[i] = result.correctness;
          columns.points[i] = result.points;
          columns.elapsedMs[i] = (closed ? answerOf(closed, playerId)?.elapsedMs : undefined) ?? 0;
        });
        this.closedAnswers.push(columns);
        break;
      }
      case 'deployed': {
        const d = event.deployment;
        const card = state.config.content.cards.find((c) => c.id === d.cardId);
        this.decisions.push({
          playerId: d.playerId,
          hostId: d.hostId,
          cardId: d.cardId,
          cardTitle: card?.title ?? d.cardId,
          topic: card?.topic ?? 'choosing',
          kind: d.choice.kind,
          placement: d.choice.placement,
          points: d.points,
          why: [],
        });
        break;
      }
      case 'score': {
        const change = event.change;
        this.scoreChanges.push({ playerId: change.playerId, delta: change.delta, why: change.why });
        // A deployment's score change follows its 'deployed' event: attach the why to that decision.
        const last = this.decisions[this.decisions.length - 1];
        if (last && last.playerId === change.playerId && last.why.length === 0) last.why = change.why;
        break;
      }
      case 'game-over':
        this.finishedAt = state.now;
        break;
      default:
        break;
    }
  }

  build(room: RoomRecord, gameId: string, state: GameState, actions: GameToStore['actions']): GameToStore {
    const standings = leaderboard(state);
    const rankOf = new Map(standings.map((s) => [s.playerId, s.rank]));
    return {
      gameId,
      roomCode: room.code,
      hostKeyHash: room.hostKeyHash,
      packId: room.packId,
      packTitle: room.packTitle,
      mode: room.mode,
      seed: room.seed,
      startedAt: this.startedAt ?? room.createdAt,
      finishedAt: this.finishedAt ?? state.now,
      players: state.playerOrder.flatMap((id) => {
        const p = playerOf(state, id);
        if (!p) return [];
        return [
          {
            playerId: p.id,
            name: p.name,
            teamId: p.teamId,
            score: p.score,
            rank: rankOf.get(p.id) ?? 0,
            bot: p.bot !== null,
          },
        ];
      }),
      questions: [...this.questions.values()],
      answers: this.closedAnswers.flatMap((c) =>
        c.playerIds.map((playerId, i): FinishedAnswer => ({
          playerId,
          questionId: c.questionId,
          topic: c.topic,
          correctness: c.correctness[i]!,
          points: c.points[i]!,
          elapsedMs: c.elapsedMs[i]!,
        })),
      ),
      decisions: this.decisions,
      scoreChanges: this.scoreChanges,
      ...(this.bills.length > 0 ? { bills: this.bills.slice() } : {}),
      config: room.config,
      actions,
    };
  }
}

/** The state after a step ends the race that was running before it (its audit ran: race-result, or the end). */
export function raceEnded(before: GameState, after: GameState): boolean {
  return (
    before.phase === 'race' &&
    before.race !== null &&
    after.phase !== 'race' &&
    after.race !== null &&
    after.race.startedAt === before.race.startedAt &&
    after.race.scenarioId === before.race.scenarioId
  );
}

export { billsOf } from '../reports/bills.js';
