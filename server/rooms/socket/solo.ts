// Solo events: starting a solo run and its player's own control commands.
import { fail } from '../room.js';
import type { HandlerContext, Handlers } from './context.js';
import { roomInfo } from './groups.js';

export function soloHandlers(ctx: HandlerContext): Pick<Handlers, 'solo:start' | 'solo:control'> {
  const { manager, asPlayer, attachPlayer, overLimit } = ctx;
  return {
    'solo:start': async (socket, payload) => {
      const limited = await overLimit(socket, 'solo');
      if (limited) return limited;
      const created = await manager.createSolo(payload);
      if (!created.ok) return created;
      const { room, playerId } = created;
      attachPlayer(socket, room, playerId, payload.lang);
      return {
        ok: true,
        ...roomInfo(room),
        playerId,
        resumeToken: created.resumeToken,
        seed: created.seed,
        board: created.board,
        view: room.personalView(playerId),
        you: room.you(playerId),
      };
    },

    'solo:control': (socket, payload) => {
      const found = asPlayer(socket);
      if ('ok' in found) return found;
      if (!found.room.solo) return fail('room/not-solo', 'Only a solo player controls its own game.');
      return found.room.control(payload.commandId, found.playerId, {
        type: payload.command,
        actor: { role: 'player', playerId: found.playerId },
      });
    },
  };
}
