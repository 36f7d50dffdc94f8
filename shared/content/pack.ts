// The game pack: what a teacher imports and exports, and what the built-in packs are.
import type { GameContent, Lang, RoundSpec } from '../engine/types.js';

export const PACK_FORMAT = 'hostrush-pack';
export const PACK_FORMAT_VERSION = 1;

export interface PackMeta {
  id: string;
  title: string;
  language: Lang;
  description: string;
  author: string;
  version: string;
}

export interface GamePack extends GameContent {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  meta: PackMeta;
  /** The round order of a game made from this pack. */
  rounds: RoundSpec[];
}
