// Tokens kept in this browser's localStorage (never in a URL): the host key, each room's host token,
// each room's player seat, the host's past games and the solo personal best.
const PREFIX = 'hostrush.';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the session still works until the page is closed.
  }
}

/** An unguessable url-safe token made on this device (the server stores only its hash). */
export function randomToken(length = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += alphabet[b & 63];
  return out;
}

/** This device's host key: the key for the list of past games, sent when creating a room. */
export function hostKey(): string {
  let key = read<string>('hostKey');
  if (!key) {
    key = randomToken();
    write('hostKey', key);
  }
  return key;
}

export interface PastGame {
  roomCode: string;
  packTitle: string;
  createdAt: number;
  gameId?: string;
}

export const tokens = {
  hostToken: (roomCode: string) => read<string>(`host.${roomCode}`),
  setHostToken: (roomCode: string, token: string | null) => write(`host.${roomCode}`, token),
  seat: (roomCode: string) => read<{ resumeToken: string; playerId: string }>(`seat.${roomCode}`),
  setSeat: (roomCode: string, seat: { resumeToken: string; playerId: string } | null) =>
    write(`seat.${roomCode}`, seat),
  soloSeat: () => read<{ roomCode: string; resumeToken: string; playerId: string }>('soloSeat'),
  setSoloSeat: (seat: { roomCode: string; resumeToken: string; playerId: string } | null) => write('soloSeat', seat),
  pastGames: () => read<PastGame[]>('pastGames') ?? [],
  addPastGame(game: PastGame): void {
    const list = this.pastGames().filter((g) => g.roomCode !== game.roomCode || g.createdAt !== game.createdAt);
    write('pastGames', [game, ...list].slice(0, 30));
  },
  setPastGameId(roomCode: string, gameId: string): void {
    write(
      'pastGames',
      this.pastGames().map((g) => (g.roomCode === roomCode && !g.gameId ? { ...g, gameId } : g)),
    );
  },
  soloBest: (board: string) => read<number>(`soloBest.${board}`),
  setSoloBest: (board: string, score: number) => write(`soloBest.${board}`, score),
  nickname: () => read<string>('nickname') ?? '',
  setNickname: (name: string) => write('nickname', name),
};
