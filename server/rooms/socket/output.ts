// A room's RoomOutput over Socket.IO: its broadcasts go to the room's groups (one broadcast per group, encoded once).
import { METRIC, type Metrics } from '../../metrics.js';
import type { Lang } from '../../../shared/engine/types.js';
import type { RoomOutput, ViewLang } from '../output.js';
import type { Room } from '../room.js';
import {
  closeSessions,
  hostGroup,
  langGroup,
  moveToTeam,
  playerGroup,
  roomGroup,
  socketsIn,
  teamGroup,
  teamLangGroup,
  type IoServer,
} from './groups.js';

/** Wires a room's broadcasts to Socket.IO groups (one broadcast per group, encoded once). */
export function socketOutput(io: IoServer, room: Room, metrics?: Metrics): RoomOutput {
  const code = room.code;
  // The RoomOutput signature already ties each payload to its event; Socket.IO's own generics cannot follow it.
  /** One broadcast, timed and counted (hostrush_fanout_seconds and _sockets: this process's sockets only). */
  const broadcast = (group: string, send: () => void) => {
    if (!metrics) return send();
    const start = performance.now();
    send();
    metrics.observe(METRIC.fanoutSeconds, (performance.now() - start) / 1000);
    metrics.observe(METRIC.fanoutSockets, io.sockets.adapter.rooms.get(group)?.size ?? 0);
  };
  const emit = (group: string, event: string, payload: unknown) =>
    broadcast(
      group,
      () => void (io.to(group) as unknown as { emit(e: string, p: unknown): boolean }).emit(event, payload),
    );
  /** A group's broadcast for the devices reading `lang` (ViewLang in ./output.ts): one broadcast, encoded once. */
  const emitIn = (group: string, langGroupOf: (l: Lang) => string, lang: ViewLang, event: string, payload: unknown) => {
    if (lang === undefined) return emit(group, event, payload);
    if (lang !== null) return emit(langGroupOf(lang), event, payload);
    const others = [...(room.languages?.others.keys() ?? [])].map((l) => langGroup(code, l));
    broadcast(
      group,
      () =>
        void (io.to(group).except(others) as unknown as { emit(e: string, p: unknown): boolean }).emit(event, payload),
    );
  };
  // Fair timing: the first time an open question's view goes out to a player is noted (once per question and
  // group: the loop over the group's sockets runs when a question opens, not on every broadcast).
  const noted = new Map<string, string>();
  const noteSent = (group: string, event: string) => {
    const q = room.state.question;
    if (event !== 'room:view' || !q || q.closed || noted.get(group) === q.questionId) return;
    noted.set(group, q.questionId);
    if (noted.size > 64) noted.clear();
    for (const socket of socketsIn(io, group)) {
      const session = socket.data.session;
      if (session?.role === 'player') room.noteQuestionSent(session.playerId);
    }
  };
  return {
    toRoom: (event, payload, lang) => {
      noteSent(roomGroup(code), event);
      emitIn(roomGroup(code), (l) => langGroup(code, l), lang, event, payload);
    },
    toHosts: (event, payload) => emit(hostGroup(code), event, payload),
    toPlayer: (id, event, payload) => {
      if (event === 'room:view') room.noteQuestionSent(id);
      emit(playerGroup(code, id), event, payload);
    },
    toTeam: (id, event, payload, lang) => {
      noteSent(teamGroup(code, id), event);
      emitIn(teamGroup(code, id), (l) => teamLangGroup(code, id, l), lang, event, payload);
    },
    setTeam: (playerId, teamId) => moveToTeam(io, code, playerId, teamId),
    closePlayer: (playerId, closeCode, message) => closeSessions(io, code, playerId, closeCode, message),
  };
}
