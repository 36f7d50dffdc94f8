// Player events: joining a room, coming back to a seat, and a player's moves (answer, team, race cards, layer).
import { fairElapsedMs } from '../fair-timing.js';
import { fail } from '../room.js';
import type { HandlerContext, Handlers } from './context.js';
import { roomInfo } from './groups.js';

type SeatEvent = 'player:join' | 'player:resume';
type MoveEvent =
  'player:team' | 'player:answer' | 'player:take-layer' | 'player:claim' | 'player:release' | 'player:deploy';

export function playerHandlers(ctx: HandlerContext): Pick<Handlers, SeatEvent | MoveEvent> {
  return { ...seatHandlers(ctx), ...moveHandlers(ctx) };
}

/** Taking a seat in a room, or coming back to one: the socket joins the room's groups. */
function seatHandlers(ctx: HandlerContext): Pick<Handlers, SeatEvent> {
  const { manager, attachPlayer } = ctx;
  return {
    'player:join': async (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room || room.solo) return fail('room/unknown', 'No room with this code.');
      const joined = await room.join(payload.name, payload.teamId);
      if (!joined.ok || !joined.resumeToken)
        return joined.ok ? fail('server/error', 'Could not seat the player.') : joined;
      attachPlayer(socket, room, joined.playerId, payload.lang);
      return {
        ok: true,
        ...roomInfo(room),
        playerId: joined.playerId,
        resumeToken: joined.resumeToken,
        view: room.personalView(joined.playerId),
        you: room.you(joined.playerId),
      };
    },

    'player:resume': (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room) return fail('room/unknown', 'No room with this code.');
      const seat = room.seatFor(payload.resumeToken);
      if (!seat.ok) return seat;
      attachPlayer(socket, room, seat.playerId, payload.lang);
      if (room.podium) socket.emit('game:podium', room.podium);
      return {
        ok: true,
        ...roomInfo(room),
        playerId: seat.playerId,
        view: room.personalView(seat.playerId),
        you: room.you(seat.playerId),
      };
    },
  };
}

/** A seated player's moves: each is one engine action of that player in its room. */
function moveHandlers(ctx: HandlerContext): Pick<Handlers, MoveEvent> {
  const { asPlayer, playerAct } = ctx;
  return {
    'player:team': (socket, p) =>
      playerAct(socket, (playerId) => ({
        type: 'move-player',
        actor: { role: 'player', playerId },
        playerId,
        teamId: p.teamId,
      })),
    'player:answer': (socket, p) => {
      const found = asPlayer(socket);
      if ('ok' in found) return found;
      const { room, playerId } = found;
      // Fair timing: from the server's send of the question to this player, less the network's share.
      const since = room.sinceQuestionSent(playerId, p.questionId);
      const elapsed = since === null ? undefined : fairElapsedMs(since, socket.data.rtt ?? 0, p.elapsedMs);
      return room.answer(playerId, p.questionId, p.answer, elapsed);
    },
    'player:take-layer': (socket, p) =>
      playerAct(socket, (playerId) => ({
        type: 'take-layer',
        actor: { role: 'player', playerId },
        layer: p.layer === 'none' ? null : p.layer,
      })),
    'player:claim': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'claim', actor: { role: 'player', playerId }, cardId: p.cardId })),
    'player:release': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'release', actor: { role: 'player', playerId }, cardId: p.cardId })),
    'player:deploy': (socket, p) =>
      playerAct(socket, (playerId) => ({
        type: 'deploy',
        actor: { role: 'player', playerId },
        cardId: p.cardId,
        choice: p.choice,
      })),
  };
}
