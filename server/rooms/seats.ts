// A room's seats: resume tokens (kept only as hashes), how many are seated, and which seats are bots.
import { joinRefusal, playerOf, type GameState } from '../../shared/engine/index.js';
import { normalizeNickname, type ErrorCode } from '../../shared/protocol/index.js';
import { hashToken } from '../security/tokens.js';
import type { SeatRecord } from '../storage/types.js';

type Refusal = { ok: false; error: { code: ErrorCode; message: string } };

function refuse(code: ErrorCode, message: string): Refusal {
  return { ok: false, error: { code, message } };
}

export class RoomSeats {
  /** Resume-token hash -> player id (the seat's other fields are in the state). */
  private readonly seatsByHash = new Map<string, string>();
  /** Players seated and not removed (bots included), kept as events come: no walk per join. */
  private seatedCount = 0;
  /** The bots' ids (solo): the bot scheduler looks at these, not at every player. */
  private readonly botList: string[] = [];

  constructor(seats: SeatRecord[], state: GameState) {
    for (const seat of seats) this.seatsByHash.set(seat.tokenHash, seat.playerId);
    for (const id of state.playerOrder) {
      const p = playerOf(state, id);
      if (!p) continue;
      if (!p.removed) this.seatedCount++;
      if (p.bot !== null) this.botList.push(id);
    }
  }

  /** Players seated and not removed (bots included). */
  get count(): number {
    return this.seatedCount;
  }

  /** A player-joined event. */
  joined(): void {
    this.seatedCount++;
  }

  /** A player-removed event. */
  removed(): void {
    this.seatedCount--;
  }

  /**
   * The name's shape and the abuse list (the boundary's), then the game's own join rule (names taken or banned, late
   * join, the lobby lock), asked before the room's capacity so a refusal has the engine's code; the engine applies
   * the same rule (and balances teams) when the join is acted. O(1) whatever the room's size.
   */
  admit(state: GameState, rawName: string, maxPlayers: number): { ok: true; name: string } | Refusal {
    const checked = normalizeNickname(rawName);
    if (!checked.ok) return refuse(checked.code, checked.message);
    const refused = joinRefusal(state, checked.name, checked.keys);
    if (refused) return refuse(refused.code, refused.message);
    if (this.seatedCount >= maxPlayers) return refuse('room/full', 'This room is full.');
    return { ok: true, name: checked.name };
  }

  addBot(playerId: string): void {
    this.botList.push(playerId);
  }

  /** A human's new seat (its token kept only as a hash), to be stored. */
  addSeat(state: GameState, roomCode: string, playerId: string, name: string, resumeToken: string): SeatRecord {
    const seat: SeatRecord = {
      roomCode,
      playerId,
      tokenHash: hashToken(resumeToken),
      name,
      teamId: playerOf(state, playerId)?.teamId ?? null,
    };
    this.seatsByHash.set(seat.tokenHash, playerId);
    return seat;
  }

  /** The player a resume token belongs to, if it may come back. */
  seatFor(state: GameState, resumeToken: string): { ok: true; playerId: string } | Refusal {
    const playerId = this.seatsByHash.get(hashToken(resumeToken));
    const player = playerId === undefined ? undefined : playerOf(state, playerId);
    if (playerId === undefined || !player) return refuse('auth/token', 'This resume token is not valid for this room.');
    if (player.removed) return refuse('auth/removed', 'You were removed from this room.');
    return { ok: true, playerId };
  }

  /** The bots still seated. */
  botIds(state: GameState): string[] {
    if (this.botList.length === 0) return this.botList;
    return this.botList.filter((id) => {
      const p = playerOf(state, id);
      return p !== undefined && p.bot !== null && !p.removed;
    });
  }
}
