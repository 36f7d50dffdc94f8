// Session events: a device's sync (view, own data, bills; a language switch), the clock ping, leaving.
import { playerOf } from '../../../shared/engine/index.js';
import type { HandlerContext, Handlers } from './context.js';
import { joinLang, leaveSession } from './groups.js';

export function sessionHandlers(ctx: HandlerContext): Pick<Handlers, 'game:sync' | 'time:ping' | 'session:leave'> {
  const { sessionRoom } = ctx;
  const { clock } = ctx.opts;
  return {
    'game:sync': (socket, payload) => {
      const found = sessionRoom(socket);
      if ('ok' in found) return found;
      const { room, session } = found;
      if (session.role === 'host') return { ok: true, view: room.hostView(), you: null, bills: room.billsFor(null) };
      // The device switched language: its broadcasts from now on, and this reply, come in the new one.
      if (payload.lang !== undefined) {
        const teamId = playerOf(room.state, session.playerId)?.teamId ?? null;
        joinLang(socket, room.code, teamId, room.setPlayerLang(session.playerId, payload.lang));
      }
      room.noteQuestionSent(session.playerId);
      return {
        ok: true,
        view: room.personalView(session.playerId),
        you: room.you(session.playerId),
        bills: room.billsFor(session.playerId),
      };
    },

    'time:ping': (_socket, p) => ({ ok: true, t: p.t, serverNow: clock() }),

    'session:leave': (socket) => {
      leaveSession(socket);
      return { ok: true };
    },
  };
}
