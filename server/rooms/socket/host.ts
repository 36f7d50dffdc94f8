// Host events: making a room, a host coming back to it, and its control commands.
import type { HostControl } from '../../../shared/protocol/index.js';
import { tokenMatches } from '../../security/tokens.js';
import { fail, type Command } from '../room.js';
import type { HandlerContext, Handlers } from './context.js';
import { roomInfo } from './groups.js';

export function hostHandlers(ctx: HandlerContext): Pick<Handlers, 'room:create' | 'host:resume' | 'host:control'> {
  const { manager, sessionRoom, attachHost, overLimit } = ctx;
  return {
    'room:create': async (socket, payload) => {
      const limited = await overLimit(socket, 'rooms');
      if (limited) return limited;
      const created = await manager.createRoom(payload);
      if (!created.ok) return created;
      attachHost(socket, created.room);
      return { ok: true, ...roomInfo(created.room), hostToken: created.hostToken, view: created.room.hostView() };
    },

    'host:resume': (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room) return fail('room/unknown', 'No room with this code.');
      if (room.solo || !tokenMatches(payload.hostToken, room.record.hostKeyHash)) {
        return fail('auth/token', 'This host token is not valid for this room.');
      }
      attachHost(socket, room);
      const tally = room.tally();
      if (tally) socket.emit('host:tally', tally);
      if (room.podium) socket.emit('game:podium', room.podium);
      return { ok: true, ...roomInfo(room), view: room.hostView() };
    },

    'host:control': (socket, payload) => {
      const found = sessionRoom(socket);
      if ('ok' in found) return found;
      if (found.session.role !== 'host') return fail('auth/not-host', 'Only the host may do this.');
      return found.room.control(payload.commandId, 'host', hostCommand(payload, { role: 'host' }));
    },
  };
}

function hostCommand(control: HostControl, actor: { role: 'host' }): Command {
  switch (control.command) {
    case 'lock':
      return { type: 'lock-lobby', actor, locked: control.locked };
    case 'remove':
      return { type: 'remove-player', actor, playerId: control.playerId };
    case 'move':
      return { type: 'move-player', actor, playerId: control.playerId, teamId: control.teamId };
    case 'add-time':
      return { type: 'add-time', actor, seconds: control.seconds };
    case 'time-factor':
      return { type: 'set-time-factor', actor, playerId: control.playerId, factor: control.factor };
    default:
      return { type: control.command, actor };
  }
}
