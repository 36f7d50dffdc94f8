// A room's persistence: its action log written in batches off the hot path, its seats, the finished game; each with
// retry.
import type { ActionLog } from './action-log.js';
import { withRetry } from '../storage/retry.js';
import type { GameToStore, SeatRecord, Storage } from '../storage/types.js';
import { METRIC, type Metrics } from '../metrics.js';
import type { Logger } from '../log.js';

const PERSIST_BATCH = 500;
/** Accepted actions wait this long before they are written, so a stream of answers shares one transaction. */
const PERSIST_DELAY_MS = 20;

export interface RoomStoreDeps {
  storage: Storage;
  metrics: Metrics;
  log: Logger;
  /** A closed room stops writing and retrying. */
  closed: () => boolean;
}

export class RoomStore {
  private persisted: number;
  private persisting = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly code: string,
    /** The room's action log (the same array, appended to by the room). */
    private readonly log: ActionLog,
    private readonly deps: RoomStoreDeps,
  ) {
    this.persisted = log.length;
  }

  // ---------------------------------------------------------------- persistence of the log (off the hot path)

  schedulePersist(): void {
    if (this.persisting || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persist();
    }, PERSIST_DELAY_MS);
  }

  private async persist(): Promise<void> {
    if (this.persisting || this.persisted >= this.log.length) return;
    this.persisting = true;
    const first = this.persisted;
    const batch = this.log.textsFrom(first, PERSIST_BATCH);
    try {
      await withRetry(() => this.deps.storage.appendActions(this.code, first, batch), this.retryOptions());
      this.persisted = first + batch.length;
      this.persisting = false;
      if (this.persisted < this.log.length) this.schedulePersist();
    } catch (error) {
      this.persisting = false;
      this.deps.metrics.inc(METRIC.storageFailures);
      this.deps.log.error(
        { err: error, room: this.code, from: first },
        `room ${this.code}: could not store actions ${first}..`,
      );
      if (!this.deps.closed())
        this.persistTimer = setTimeout(() => ((this.persistTimer = null), void this.persist()), 1000);
    }
  }

  /** Resolves once every accepted action is stored (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.persisted < this.log.length && !this.deps.closed()) {
      if (!this.persisting) await this.persist();
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  // ---------------------------------------------------------------- seats and the finished game

  async persistSeat(seat: SeatRecord): Promise<void> {
    try {
      await withRetry(() => this.deps.storage.upsertSeat(seat), this.retryOptions());
    } catch (error) {
      this.deps.metrics.inc(METRIC.storageFailures);
      this.deps.log.error({ err: error, room: this.code }, `room ${this.code}: could not store a seat`);
    }
  }

  /**
   * Stores the finished game, retrying until it is stored, then the rest of the log, and marks the room finished.
   * False when the room closed before the game was stored (nothing more is done).
   */
  async saveFinished(game: GameToStore): Promise<boolean> {
    for (let round = 0; !this.deps.closed(); round++) {
      try {
        await withRetry(() => this.deps.storage.saveFinishedGame(game), { ...this.retryOptions(), attempts: 3 });
        this.deps.metrics.inc(METRIC.gamesSaved);
        break;
      } catch (error) {
        this.deps.metrics.inc(METRIC.storageFailures);
        this.deps.log.error(
          { err: error, room: this.code, try: round + 1 },
          `room ${this.code}: could not store the finished game (try ${round + 1}), retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * 2 ** round)));
      }
    }
    if (this.deps.closed()) return false;
    await this.drain();
    await withRetry(() => this.deps.storage.setRoomStatus(this.code, 'finished'), this.retryOptions()).catch((error) =>
      this.deps.log.error({ err: error, room: this.code }, `room ${this.code}: could not mark the room finished`),
    );
    return true;
  }

  private retryOptions() {
    return {
      attempts: 5,
      baseDelayMs: 20,
      retryIf: () => !this.deps.closed(),
      onRetry: () => this.deps.metrics.inc(METRIC.storageRetries),
    };
  }

  close(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
  }
}
