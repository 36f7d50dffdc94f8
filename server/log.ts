// The server's log on pino: one JSON line per event ({"level":30,"time":...,"msg":"..."} plus the event's fields), at
// the level LOG_LEVEL sets (info by default). Lines at error and above go to stderr, the rest to stdout, written
// synchronously (a line logged just before process.exit is not lost). What a line may carry: room codes, counts,
// error messages and stacks; never a token, a host key, an operator key or a player's nickname. Fields with those
// names are censored wherever they appear (a guard against a future `log.info({ player })`).
import { pino, type Logger, type LevelWithSilent, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type { Logger, LevelWithSilent };

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Keys censored at any depth up to two levels (pino's redact paths). */
const SECRET_KEYS = [
  'token',
  'resumeToken',
  'hostToken',
  'hostKey',
  'operatorKey',
  'name',
  'nickname',
  'playerName',
  'password',
];
const REDACT = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]);

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where the lines go (tests capture them); default stdout, and stderr for error and fatal. */
  destination?: DestinationStream;
  /**
   * Readable lines instead of JSON. Default: when stdout is a terminal (a teacher running `npm start` on a laptop
   * reads "Students join at ..." as a sentence); under systemd, a container or a pipe, JSON for the log collector.
   */
  readable?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const opts = { level: options.level ?? 'info', redact: { paths: REDACT, censor: '[hidden]' } };
  if (options.readable ?? (!options.destination && process.stdout.isTTY === true)) {
    const to = options.destination
      ? { destination: options.destination as NodeJS.WritableStream, colorize: false }
      : { colorize: true };
    return pino(opts, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', ...to }));
  }
  if (options.destination) return pino(opts, options.destination);
  const streams = pino.multistream(
    [
      { level: 'trace' as const, stream: pino.destination({ fd: 1, sync: true }) },
      { level: 'error' as const, stream: pino.destination({ fd: 2, sync: true }) },
    ],
    // Each line to the one stream of the highest level it reaches: errors on stderr only.
    { dedupe: true },
  );
  return pino(opts, streams);
}

/** A logger that writes nothing (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** A logger whose lines (JSON text) are pushed to `lines` (tests that check what was logged). */
export function captureLogger(lines: string[], level: LevelWithSilent = 'trace'): Logger {
  return createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
}
