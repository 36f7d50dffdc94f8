// The live rooms of this process: creation (classroom, team, solo), lookup, restore after a restart, clean-up.
import { nanoid } from 'nanoid';
import type { z } from 'zod';
import { configFromPack } from '../../shared/content/config.js';
import type { GamePack } from '../../shared/content/pack.js';
import { createGame, next, playerOf, type Action, type GameState } from '../../shared/engine/index.js';
import type { roomCreateSchema, soloStartSchema } from '../../shared/protocol/index.js';
import type { Podium } from '../../shared/protocol/index.js';
import { withRetry } from '../storage/retry.js';
import type { RoomRecord, SeatRecord, Storage } from '../storage/types.js';
import { METRIC, type Metrics } from '../metrics.js';
import { hashToken, newRoomCode, newToken } from '../security/tokens.js';
import { DAILY_CHALLENGE, mayUse, NOBODY, PackRegistry, type PackEntry, type PackViewer } from './packs.js';
import { GameRecorder } from './record.js';
import { fail, Room, type Outcome } from './room.js';
import { dailySeed, verifySoloRun } from './solo-verify.js';
import type { RoomOwnership, RoomTransport } from './transport.js';
import type { Logger } from '../log.js';

export interface ManagerOptions {
  storage: Storage;
  metrics: Metrics;
  clock: () => number;
  maxRooms: number;
  maxPlayersPerRoom: number;
  /** How long a finished room stays in memory for late syncs and the podium. */
  finishedTtlMs: number;
  /** A room with no action for this long is dropped from memory and marked abandoned. */
  idleTtlMs: number;
  /**
   * The same, sooner, for a room nobody joined and for a solo run: they cost a place under `maxRooms` and nobody
   * waits in them (a script that makes rooms no longer holds its places for hours; docs/SECURITY.md, "Flood").
   */
  emptyIdleTtlMs: number;
  log: Logger;
  /** Who owns each room and where its sockets are: one process, or several (./transport.ts). */
  transport: RoomTransport;
}

export class RoomManager {
  readonly rooms = new Map<string, Room>();
  readonly packs: PackRegistry;
  /** Null with one process; with several, the lease this process must hold to act for a room. */
  private readonly ownership: RoomOwnership | null;
  private sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: ManagerOptions) {
    this.ownership = opts.transport.ownership;
    this.packs = new PackRegistry({ storage: opts.storage, clock: opts.clock, log: opts.log });
    opts.metrics.gauge('hostrush_rooms', 'Rooms in memory.', () => this.rooms.size);
    opts.metrics.gauge('hostrush_players', 'Players seated in rooms in memory.', () => {
      let n = 0;
      for (const room of this.rooms.values()) n += room.state.playerOrder.length;
      return n;
    });
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  async createRoom(input: z.output<typeof roomCreateSchema>): Promise<Outcome<{ room: Room; hostToken: string }>> {
    // Someone else's private pack is as unknown as a missing one (packs.ts mayUse).
    const found = await this.findPack(input.packId, { hostKeyHash: input.hostKey ? hashToken(input.hostKey) : null });
    if (!found.ok) return found;
    const { pack } = found;
    const options = input.options ?? { mode: 'classroom' as const };
    const config = configFromPack(pack, {
      mode: options.mode,
      ...(options.teamCount !== undefined ? { teamCount: options.teamCount } : {}),
      ...(options.questionTimeS !== undefined ? { questionTimeS: options.questionTimeS } : {}),
      ...(options.scoring ? { scoring: stripUndefined(options.scoring) } : {}),
      ...(options.lateJoin !== undefined ? { lateJoin: options.lateJoin } : {}),
      ...(options.lateJoinScore !== undefined ? { lateJoinScore: options.lateJoinScore } : {}),
      ...(options.races !== undefined ? { races: options.races } : {}),
      ...(options.leaderboard !== undefined ? { leaderboard: options.leaderboard } : {}),
      ...(options.showQuestionOnDevices !== undefined ? { showQuestionOnDevices: options.showQuestionOnDevices } : {}),
      ...(options.teamRoles !== undefined ? { teamRoles: options.teamRoles } : {}),
    });
    const hostToken = input.hostKey ?? newToken();
    const created = await this.open(pack, config, `room-${nanoid(16)}`, hashToken(hostToken));
    if (!created.ok) return created;
    return { ok: true, room: created.room, hostToken };
  }

  async createSolo(
    input: z.output<typeof soloStartSchema>,
  ): Promise<Outcome<{ room: Room; playerId: string; resumeToken: string; seed: string; board: string | null }>> {
    const daily = input.packId === 'daily';
    const packId = daily ? `daily-${input.lang}` : input.packId;
    // A solo run has no host key: built-in and shared packs only; a daily pool only as the day's draw (packs.ts
    // isDailyPool).
    const found = await this.findPack(packId, daily ? DAILY_CHALLENGE : NOBODY);
    if (!found.ok) return found;
    const { pack } = found;
    const seed = daily ? dailySeed(this.opts.clock()) : `solo-${nanoid(16)}`;
    const config = configFromPack(pack, {
      mode: 'solo',
      ...(input.questionTimeS !== undefined ? { questionTimeS: input.questionTimeS } : {}),
      ...(daily ? { dailySeed: seed } : {}),
    });
    const created = await this.open(pack, config, seed, '');
    if (!created.ok) return created;
    const room = created.room;
    const joined = await room.join(input.name, undefined);
    if (!joined.ok || !joined.resumeToken) {
      this.drop(room, 'abandoned');
      return joined.ok ? fail('server/error', 'The player could not be seated.') : joined;
    }
    // Named neutrally: each screen shows a bot's level and "bot" in its own language (client labels.ts).
    for (const [i, level] of input.bots.entries()) {
      const bot = await room.join(`Bot ${i + 1}`, undefined, level);
      if (!bot.ok)
        this.opts.log.warn(
          { room: room.code, code: bot.error.code },
          `solo ${room.code}: bot ${level} could not join: ${bot.error.message}`,
        );
    }
    return {
      ok: true,
      room,
      playerId: joined.playerId,
      resumeToken: joined.resumeToken,
      seed,
      board: daily ? seed : null,
    };
  }

  /**
   * A built-in or imported pack that `viewer` may use (an imported one may be read from storage): pack/unknown (also
   * for someone else's private pack), or storage/failed.
   */
  async findPack(id: string, viewer: PackViewer): Promise<Outcome<{ pack: GamePack; entry: PackEntry }>> {
    try {
      const entry = await this.packs.entry(id);
      return entry && mayUse(entry, viewer)
        ? { ok: true, pack: entry.pack, entry }
        : fail('pack/unknown', `No pack with id ${id}.`);
    } catch (error) {
      this.opts.log.error({ err: error, pack: id }, `could not read pack ${id}`);
      return fail('storage/failed', 'The pack could not be read; try again.');
    }
  }

  private async open(
    pack: GamePack,
    config: RoomRecord['config'],
    seed: string,
    hostKeyHash: string,
  ): Promise<Outcome<{ room: Room }>> {
    if (this.rooms.size >= this.opts.maxRooms)
      return fail('room/limit', 'The server has as many rooms as it can hold.');
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newRoomCode((c) => this.rooms.has(c));
      // Several processes: the creating process takes the room's lease first (a code some process still
      // acts for is refused here, one still active in the database by createRoom below).
      if (this.ownership && !(await this.ownership.acquire(code).catch(() => false))) continue;
      const record: RoomRecord = {
        code,
        mode: config.mode,
        packId: pack.meta.id,
        packTitle: pack.meta.title,
        config,
        seed,
        hostKeyHash,
        createdAt: this.opts.clock(),
        status: 'active',
      };
      try {
        await withRetry(() => this.opts.storage.createRoom(record));
      } catch (error) {
        // Most likely a code still active in the database but not in memory: take another.
        this.opts.log.error({ err: error, room: record.code }, `could not create room ${record.code}`);
        void this.ownership?.release(code);
        continue;
      }
      if (this.rooms.has(record.code)) continue;
      const room = this.makeRoom(record, createGame(config, seed), [], [], new GameRecorder());
      room.start();
      return { ok: true, room };
    }
    return fail('storage/failed', 'The room could not be stored; try again.');
  }

  private makeRoom(
    record: RoomRecord,
    state: GameState,
    log: Action[],
    seats: SeatRecord[],
    recorder: GameRecorder,
  ): Room {
    const room = new Room(record, state, log, seats, recorder, {
      storage: this.opts.storage,
      metrics: this.opts.metrics,
      clock: this.opts.clock,
      maxPlayers: this.opts.maxPlayersPerRoom,
      log: this.opts.log,
      onFinished: (r) => this.finished(r),
      output: (r) => this.opts.transport.output(r),
    });
    this.rooms.set(record.code, room);
    return room;
  }

  /** Solo runs are verified by replaying their log before they enter the leaderboard. */
  private async finished(room: Room): Promise<Podium['solo'] | undefined> {
    setTimeout(() => this.drop(room, null), this.opts.finishedTtlMs).unref();
    if (!room.solo) return undefined;
    const actions = room.log.actions();
    const verdict = verifySoloRun(room.record.config, room.record.seed, actions, {
      packId: room.record.packId,
      now: this.opts.clock(),
    });
    if (!verdict.ok) {
      this.opts.log.warn({ room: room.code }, `solo ${room.code}: run not verified: ${verdict.reason}`);
      const human = room.state.playerOrder.find((id) => playerOf(room.state, id)?.bot === null);
      return {
        verified: false,
        board: null,
        score: human ? (playerOf(room.state, human)?.score ?? 0) : 0,
        reason: verdict.reason,
      };
    }
    try {
      await withRetry(() =>
        this.opts.storage.saveSoloRun({
          runId: room.gameId,
          board: verdict.board,
          playerName: verdict.playerName,
          score: verdict.score,
          bestPlanRatio: room.bestPlanRatio(),
          packId: room.record.packId,
          seed: room.record.seed,
          createdAt: this.opts.clock(),
          actions,
        }),
      );
    } catch (error) {
      this.opts.metrics.inc(METRIC.storageFailures);
      this.opts.log.error({ err: error, room: room.code }, `solo ${room.code}: could not store the run`);
      return { verified: true, board: null, score: verdict.score, reason: 'the run could not be stored' };
    }
    return { verified: true, board: verdict.board, score: verdict.score };
  }

  /**
   * Brings back every active room from its stored log (after a crash or a restart). With several processes,
   * only the rooms no live process owns (this process takes their leases).
   */
  async restore(): Promise<number> {
    const codes = await this.opts.storage.activeRoomCodes();
    let restored = 0;
    for (const code of codes) {
      if (this.rooms.has(code)) continue;
      try {
        if (this.ownership && !(await this.ownership.acquire(code))) continue;
        if (await this.restoreRoom(code)) restored++;
        else void this.ownership?.release(code, true);
        // Long logs: let the event loop breathe between rooms.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        void this.ownership?.release(code);
        this.opts.log.error({ err: error, room: code }, `could not restore room ${code}`);
      }
    }
    return restored;
  }

  /**
   * Replays one room's stored config, seed and log and makes this process its authority (at start, or when
   * taking over a room whose owner died; the caller holds the lease). Null when the room is not active.
   */
  async restoreRoom(code: string): Promise<Room | null> {
    const existing = this.rooms.get(code);
    if (existing) return existing;
    const loaded = await this.opts.storage.loadRoom(code);
    if (!loaded || loaded.room.status !== 'active') return null;
    if (this.rooms.has(code)) return this.rooms.get(code) ?? null;
    const recorder = new GameRecorder();
    let state = createGame(loaded.room.config, loaded.room.seed);
    for (const action of loaded.actions) {
      const result = next(state, action);
      recorder.observe(state, result);
      state = result.state;
    }
    const room = this.makeRoom(loaded.room, state, loaded.actions.slice(), loaded.seats, recorder);
    room.start();
    return room;
  }

  /**
   * This process lost the room's lease (another process took it over): forget the room at once, silently
   * (no broadcast, no storage write: the new owner speaks for it now).
   */
  relinquish(code: string): void {
    const room = this.rooms.get(code);
    if (!room) return;
    this.rooms.delete(code);
    room.close({ silently: true });
  }

  private drop(room: Room, status: 'abandoned' | null): void {
    if (this.rooms.get(room.code) !== room) return;
    this.rooms.delete(room.code);
    room.close();
    const stored = status
      ? this.opts.storage
          .setRoomStatus(room.code, status)
          .catch((e: unknown) =>
            this.opts.log.error({ err: e, room: room.code }, `room ${room.code}: could not store its status`),
          )
      : Promise.resolve();
    // The lease goes once the status is stored, so no other process restores a room that just ended.
    if (this.ownership) void stored.then(() => this.ownership?.release(room.code, true));
  }

  /** Drops idle rooms; every 30 s (tests call it with their own clock). */
  sweep(): void {
    const now = this.opts.clock();
    for (const room of this.rooms.values()) {
      if (room.state.finished) continue;
      const unattended = room.state.config.mode === 'solo' || room.state.playerOrder.length === 0;
      const ttl = unattended ? Math.min(this.opts.emptyIdleTtlMs, this.opts.idleTtlMs) : this.opts.idleTtlMs;
      if (now - room.lastActivity > ttl) this.drop(room, 'abandoned');
    }
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all([...this.rooms.values()].map((r) => r.drain().catch(() => {})));
    for (const room of this.rooms.values()) {
      // The rooms live on (restored at the next start, or taken over by another process), so their players are not
      // told the room closed: the app tells every socket the server is shutting down (server/app.ts close()).
      room.close({ silently: true });
    }
    this.rooms.clear();
  }
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
