// What a room shows: the shared view per team and language (one per state version), a player's own view and
// player:you, ranks, bills in the device's language. Makes messages; sends nothing (./room-outbox.ts sends).
import {
  leaderboard,
  ownAnswer,
  personalView,
  playerOf,
  rankOf,
  sharedView,
  viewFor,
  type GameState,
  type GameView,
  type ScoreChange,
  type Standing,
} from '../../shared/engine/index.js';
import type { RaceBill, Tally, YouMessage } from '../../shared/protocol/index.js';
import { activePlayerCount } from '../../shared/engine/steps.js';
import { localizeView, scenarioTitleIn, type PackLanguages } from '../../shared/content/translations.js';
import type { Lang } from '../../shared/engine/types.js';
import { SealedResults } from './sealed-results.js';

/** The shared-view cache key of a team ('' in classroom) in a language (null: the room's own). */
const sharedKey = (teamId: string | null, lang: Lang | null): string =>
  lang === null ? (teamId ?? '') : `${teamId ?? ''}\u0000${lang}`;

/** The seated human players (not bots, not removed), in join order. */
export function humanIds(state: GameState): string[] {
  return state.playerOrder.filter((id) => {
    const p = playerOf(state, id);
    return p !== undefined && p.bot === null && !p.removed;
  });
}

/** The open (or last) question's answer count, for the host. */
export function tallyOf(state: GameState): Tally | null {
  const q = state.question;
  if (!q) return null;
  // Who takes part in this question is the engine's rule (not removed, joined before it).
  const total = activePlayerCount(state);
  return { questionId: q.questionId, answered: q.answerCount, total, version: state.version };
}

/** What the views read of their room. */
export interface ViewedRoom {
  readonly state: GameState;
  readonly solo: boolean;
  /** The pack's texts in other languages (built-in packs); null: one language, served as it is. */
  readonly languages: PackLanguages | null;
}

export class RoomViews {
  /**
   * The leaderboard ranks are read from (engine rankOf), kept while no score moved and no one left or joined above
   * its lowest score: ranking a joiner or every player at a flush is a binary search, never a sort per join.
   */
  private board: readonly Standing[] | null = null;
  /**
   * The latest shared view per team key ('' in classroom) and language (sharedKey): one object per state version,
   * reused by every send.
   */
  private readonly sharedCache = new Map<string, GameView>();
  private readonly changes = new Map<string, ScoreChange[]>();
  /**
   * What each player's last player:you told it of its score and streak, in solo rooms (their standings check; the
   * classroom tells scores by events and sealed results). Ranks are not
   * tracked: a phone counts its own on the ladder of the views that show results (engine/ladder.ts).
   */
  private readonly sentStanding = new Map<string, { score: number; streak: number }>();
  /** The open question's results, sealed into the answers' acks; the reveal's view carries their key. */
  readonly sealed = new SealedResults();
  /** Players whose device reads another of the pack's languages than the room's: their views and bills come in it. */
  private readonly playerLang = new Map<string, Lang>();
  /** The pack's other languages some device reads: a shared view is made and broadcast in each (one per version). */
  readonly langsInUse = new Set<Lang>();

  constructor(
    private readonly room: ViewedRoom,
    private readonly seats: { readonly count: number },
    restored: boolean,
  ) {
    // A restored room (a restart, or a takeover by another process) does not know which languages its devices read,
    // and their sockets may still be in language groups (other processes'): it broadcasts every language of its pack.
    if (restored) for (const lang of room.languages?.others.keys() ?? []) this.langsInUse.add(lang);
  }

  /**
   * The part every member of the room (classroom) or of one team shares (the engine's sharedView: the visible top,
   * no one's answer, no tally, no "me"), made once per state version, team and language.
   */
  sharedView(teamId: string | null = null, lang: Lang | null = null): GameView {
    const state = this.room.state;
    const key = sharedKey(teamId, lang);
    const cached = this.sharedCache.get(key);
    if (cached && cached.version === state.version) return cached;
    // Another of the pack's languages: the room's own view with its texts swapped (same version, same everything else).
    const texts = lang === null ? undefined : this.room.languages?.others.get(lang);
    if (texts) {
      const localized = localizeView(this.sharedView(teamId), texts, state.question?.perm ?? []);
      this.sharedCache.set(key, localized);
      return localized;
    }
    const resultKey = this.sealed.resultKey(state);
    const view = sharedView(state, teamId);
    const shared = resultKey && view.question ? { ...view, question: { ...view.question, resultKey } } : view;
    this.sharedCache.set(key, shared);
    return shared;
  }

  hostView(): GameView {
    return viewFor(this.room.state, { role: 'host' });
  }

  /** A player's full view (the engine's, with the whole leaderboard sorted): solo rooms. */
  playerView(playerId: string): GameView {
    const view = viewFor(this.room.state, { role: 'player', playerId });
    const texts = this.textsFor(playerId);
    return texts ? localizeView(view, texts, this.room.state.question?.perm ?? []) : view;
  }

  /**
   * A player's device reads `lang` (told at join, resume and sync; absent: as it last said). Returns the language
   * it is served in when that is another of the pack's languages than the room's, else null (the room's own):
   * the device reads that language's broadcast from now on (server/rooms/socket/groups.ts joinLang puts it in its
   * group).
   */
  setPlayerLang(playerId: string, lang: Lang | undefined): Lang | null {
    if (lang === undefined) return this.playerLang.get(playerId) ?? null;
    if (!this.room.languages?.others.has(lang)) {
      this.playerLang.delete(playerId);
      return null;
    }
    this.playerLang.set(playerId, lang);
    this.langsInUse.add(lang);
    return lang;
  }

  /**
   * A player's socket is in `lang`'s group (null: none) but this room may not know it (it was restored or taken
   * over since the device said): noted, so its acks and bills come in it too. O(1).
   */
  notePlayerLang(playerId: string, lang: Lang | null): void {
    if (lang !== null && !this.playerLang.has(playerId) && this.room.languages?.others.has(lang))
      this.setPlayerLang(playerId, lang);
  }

  /** The texts a player's device reads, when they are not the room's own. */
  private textsFor(playerId: string) {
    const lang = this.playerLang.get(playerId);
    return lang === undefined ? undefined : this.room.languages?.others.get(lang);
  }

  /**
   * The view a joining, resuming or syncing player gets in its ack: the shared view plus its own part (the engine's
   * personalView: its row, standing and answer). While only lobby joins or leaves are waiting for their batched
   * broadcast (`onlyLobbyChanges`, RoomOutbox), the last shared view is reused (the broadcast follows within 1 s),
   * so seating a player never sorts the room. Solo: the full view.
   */
  personalView(playerId: string, onlyLobbyChanges: () => boolean): GameView {
    const state = this.room.state;
    const p = playerOf(state, playerId);
    if (this.room.solo || !p) return this.playerView(playerId);
    const teamId = state.config.mode === 'team' ? p.teamId : null;
    const lang = this.playerLang.get(playerId) ?? null;
    const cached = this.sharedCache.get(sharedKey(teamId, lang));
    const lobbyOnly = onlyLobbyChanges();
    const base = cached && (cached.version === state.version || lobbyOnly) ? cached : this.sharedView(teamId, lang);
    return personalView(base, state, playerId, this.rankOf(playerId));
  }

  /**
   * The engine's rank (ties share one: 1, 2, 2, 4; 0 for a removed or unknown player), read from the board kept
   * until a score moves or someone leaves: a binary search per player, no sort per join or per player.
   */
  rankOf(playerId: string): number {
    return rankOf(this.room.state, playerId, () => (this.board ??= leaderboard(this.room.state)));
  }

  /** A score moved: queued for the player's next player:you; the kept board is stale. */
  noteScore(change: ScoreChange): void {
    const list = this.changes.get(change.playerId) ?? [];
    list.push(change);
    this.changes.set(change.playerId, list);
    this.board = null;
  }

  /** Someone left: the kept board is stale. */
  dropBoard(): void {
    this.board = null;
  }

  /** A joiner above the kept board's lowest score (scores below zero) is ahead of someone there. O(1). */
  noteJoined(playerId: string): void {
    const lowest = this.board?.at(-1)?.score;
    if (lowest !== undefined && (playerOf(this.room.state, playerId)?.score ?? 0) > lowest) this.board = null;
  }

  /** Whether a player's score or streak differ from what its device was last told. */
  standingMoved(playerId: string): boolean {
    const p = playerOf(this.room.state, playerId);
    const sent = this.sentStanding.get(playerId);
    return !p || !sent || sent.score !== p.score || sent.streak !== p.streak;
  }

  /** The player's queued score changes were told another way (its sealed result): not sent again. */
  dropChanges(playerId: string): void {
    this.changes.delete(playerId);
  }

  /** A player's private message; takes the score changes queued for it. */
  you(playerId: string): YouMessage {
    const state = this.room.state;
    const p = playerOf(state, playerId);
    const changes = this.changes.get(playerId) ?? [];
    this.changes.delete(playerId);
    const q = state.question;
    const rank = this.rankOf(playerId);
    if (p && this.room.solo) this.sentStanding.set(playerId, { score: p.score, streak: p.streak });
    return {
      playerId,
      name: p?.name ?? '',
      teamId: p?.teamId ?? null,
      score: p?.score ?? 0,
      streak: p?.streak ?? 0,
      rank,
      playerCount: this.seats.count,
      timeFactor: p?.timeFactor ?? 1,
      questionId: q?.questionId ?? null,
      answer: q ? ownAnswer(q, playerId) : null,
      changes,
      removed: p?.removed ?? true,
      layer: p?.layer ?? null,
      startsAtStep: p?.joinedAtStep ?? 0,
    };
  }

  /** The bills of the races played so far (a player's own, or its team's; all of them for the host). */
  billsFor(all: readonly RaceBill[], playerId: string | null): RaceBill[] {
    if (playerId === null) return all.slice();
    const teamId = playerOf(this.room.state, playerId)?.teamId ?? null;
    return all
      .filter((b) =>
        b.owner.kind === 'player' ? b.owner.id === playerId : b.owner.kind === 'team' && b.owner.id === teamId,
      )
      .map((b) => this.billFor(b, playerId));
  }

  /** A bill with its scenario's title in the language the player's device reads. */
  billFor(bill: RaceBill, playerId: string): RaceBill {
    const texts = this.textsFor(playerId);
    return texts ? { ...bill, scenarioTitle: scenarioTitleIn(bill.scenarioId, bill.scenarioTitle, texts) } : bill;
  }
}
