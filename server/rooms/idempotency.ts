// A room's memory of what it already accepted, so a retry gets the first reply again and never acts twice.

/** Control commands whose replies are kept for their retries (per room). */
const COMMAND_REPLIES_KEPT = 256;
/**
 * Questions whose accepted answers are kept for their retries: the open one and the one before (a phone that
 * reconnects during the next question may still send the last one's answer again). Every question of a game was
 * kept: ~4 MB by the end of a 25-question game at 4,100 players, for the full GCs to walk (docs/BENCHMARKS.md).
 */
const QUESTIONS_KEPT = 2;

export class RoomReplies<R> {
  /** Answers are idempotent per (player, question): question id -> player id -> the version it was accepted at. */
  private readonly answered = new Map<string, Map<string, number>>();
  /** Control commands are idempotent per command id: the latest ids and their first replies (oldest first). */
  private readonly commandReplies = new Map<string, R>();

  /** The version a player's answer to a question was accepted at, if it was. */
  answeredAt(questionId: string, playerId: string): number | undefined {
    return this.answered.get(questionId)?.get(playerId);
  }

  noteAnswered(questionId: string, playerId: string, version: number): void {
    let byPlayer = this.answered.get(questionId);
    if (!byPlayer) {
      this.answered.set(questionId, (byPlayer = new Map<string, number>()));
      if (this.answered.size > QUESTIONS_KEPT) this.answered.delete(this.answered.keys().next().value!);
    }
    byPlayer.set(playerId, version);
  }

  /**
   * A control command's reply: the first one for this (sender, command id), else `run`'s, kept. Ids are scoped to
   * who sent them; the newest 256 are kept.
   */
  control(sender: string, commandId: string, run: () => R): R {
    const key = `${sender}\u0000${commandId}`;
    const first = this.commandReplies.get(key);
    if (first) return first;
    const outcome = run();
    this.commandReplies.set(key, outcome);
    if (this.commandReplies.size > COMMAND_REPLIES_KEPT)
      this.commandReplies.delete(this.commandReplies.keys().next().value!);
    return outcome;
  }
}
