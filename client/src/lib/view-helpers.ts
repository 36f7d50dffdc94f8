// Small derivations from a GameView shared by the views.
import { nothing } from 'lit';
import type { GameView, Phase, PublicQuestion, Question, RaceHost } from '../../../shared/engine/types.js';
import type { RaceBill } from '../../../shared/protocol/types.js';
import type { BoardRow } from '../components/leader-board.js';
import { t } from '../i18n/index.js';
import { playerLabel, teamLabel } from './labels.js';

/** A view's body for each phase; a phase without its own part renders `otherwise`. */
export function byPhase(
  view: GameView,
  parts: Partial<Record<Phase, (view: GameView) => unknown>>,
  otherwise: (view: GameView) => unknown = () => nothing,
): unknown {
  return (parts[view.phase] ?? otherwise)(view);
}

export function playerNames(view: GameView): Record<string, string> {
  return Object.fromEntries(view.players.map((p) => [p.id, playerLabel(p)]));
}

/** Places for rows sorted by score, best first, ties sharing one (1, 2, 2, 4), as the engine's leaderboard ranks. */
export function places(sorted: readonly { score: number }[]): number[] {
  const out: number[] = [];
  sorted.forEach((row, i) => out.push(i > 0 && sorted[i - 1]!.score === row.score ? out[i - 1]! : i + 1));
  return out;
}

export function boardRows(view: GameView): BoardRow[] {
  return view.players.map((p) => ({ id: p.id, name: playerLabel(p), score: p.score }));
}

export function teamRows(view: GameView): BoardRow[] {
  return view.teams.map((team) => {
    const members = view.players.filter((p) => p.teamId === team.id);
    return {
      id: team.id,
      name: teamLabel(team.name),
      score: members.reduce((s, p) => s + p.score, 0),
      detail: members.map(playerLabel).join(', '),
    };
  });
}

/** A race host's owner is 'room', `team:<teamId>` or `player:<playerId>`: the team or player id it names. */
export function ownerId(owner: string): string {
  return owner.replace(/^(team|player):/, '');
}

/** The race host a player deploys to: its team's, its own (solo) or the room's. */
export function hostFor(view: GameView, playerId: string, teamId: string | null): RaceHost | null {
  const hosts = view.race?.hosts ?? [];
  const own = (id: string) => hosts.find((h) => h.owner === id || ownerId(h.owner) === id);
  return (
    own(playerId) ?? (teamId ? own(teamId) : undefined) ?? hosts.find((h) => h.owner === 'room') ?? hosts[0] ?? null
  );
}

/** The correct answer of a closed question, in words. */
export function correctText(q: Question, shown: PublicQuestion, trueText: string, falseText: string): string {
  switch (q.type) {
    case 'single':
      return q.options[q.correct] ?? '';
    case 'multi':
      return q.correct.map((i) => q.options[i]).join(', ');
    case 'truefalse':
      return q.correct ? trueText : falseText;
    case 'ordering':
      return q.items.join(' → ');
    case 'matching':
      return q.left.map((l, i) => `${l} ↔ ${q.right[q.pairs[i] ?? 0] ?? ''}`).join(' · ');
    case 'numeric':
      return `${q.correct}${q.unit ? ` ${q.unit}` : shown.unit ? ` ${shown.unit}` : ''}`;
  }
}

/** Labels for each bar of an answer distribution. */
export function distributionLabels(
  q: PublicQuestion,
  trueText: string,
  falseText: string,
  right: string,
  wrong: string,
): string[] {
  if (q.type === 'single' || q.type === 'multi') return q.options ?? [];
  if (q.type === 'truefalse') return [trueText, falseText];
  return [right, wrong];
}

/** A bill's heading: whose bill (the class's, a team's, a player's), and the race when several are listed. */
export function billHeading(b: Pick<RaceBill, 'owner' | 'scenarioTitle'>, withRace = false): string {
  const who =
    b.owner.kind === 'class' || b.owner.id === 'room' ? t('bill.class') : teamLabel(b.owner.name) || b.owner.id;
  return withRace && b.scenarioTitle
    ? t('bill.ofRace', { name: who, race: b.scenarioTitle })
    : t('bill.of', { name: who });
}
