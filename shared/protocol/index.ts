// The wire protocol shared by server and client: names, codes, schemas, event maps, nickname rules. No I/O here.
export * from './names.js';
export * from './schemas.js';
export type * from './types.js';
export * from './nickname.js';
export * from './join-origin.js';
export * from './workshop.js';
export * from './sealed.js';
