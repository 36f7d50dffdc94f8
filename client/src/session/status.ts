// Connection and role states of a session, as const objects (no loose string literals in templates).
export const CONN = {
  idle: 'idle',
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  closed: 'closed',
} as const;
export type ConnStatus = (typeof CONN)[keyof typeof CONN];

export const ROLE = { none: 'none', host: 'host', player: 'player', solo: 'solo' } as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];
