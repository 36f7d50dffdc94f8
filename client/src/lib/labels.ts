// Text for engine values in the current language (kinds, placements, topics, whys).
import type { DeployKind, Placement, RaceEventKind, TopicId, Why } from '../../../shared/engine/types.js';
import { lang, t } from '../i18n/index.js';

export const kindLabel = (kind: DeployKind) => t(`kind.${kind}`);
export const placeLabel = (placement: Placement) => t(`place.${placement}`);
export const topicLabel = (topic: TopicId) => t(`topic.${topic}`);
export const eventLabel = (kind: RaceEventKind) => t(`race.event.${kind}`);
export const whyText = (why: Why) => why[lang()];

/** Seconds as "450 ms", "12 s" or "3 min 20 s" ("450ms", "12초", "3분 20초"). */
export function duration(s: number): string {
  if (s < 1) return t('unit.ms', { n: Math.round(s * 1000) });
  if (s < 90) return t('common.seconds', { n: Math.round(s * 10) / 10 });
  const m = Math.floor(s / 60);
  return t('unit.minS', { m, s: Math.round(s - m * 60) });
}

type BotLevel = 'easy' | 'medium' | 'hard';
const BOT_NAME = /^Bot (\d+)(?: \((easy|medium|hard)\))?$/;

/**
 * A player's name as shown: the server names bots "Bot 3" (older runs "Bot 3 (hard)"), shown as "Hard bot 3" /
 * "어려운 봇 3"; any other bot name gets "(bot)" once. `bot` is the level, or true where only bot-ness is known.
 */
export function playerLabel(p: { name: string; bot: BotLevel | boolean | null }): string {
  if (!p.bot) return p.name;
  const m = BOT_NAME.exec(p.name);
  if (!m) return `${p.name} (${t('board.bot')})`;
  const level = typeof p.bot === 'string' ? p.bot : (m[2] as BotLevel | undefined);
  return level ? t('board.botNamed', { level: t(`solo.bots.${level}`), n: m[1]! }) : t('board.botN', { n: m[1]! });
}

/** A team's name as shown: the engine names teams "Team 1", "Team 2", ... ("1팀", "2팀"). */
export function teamLabel(name: string): string {
  const m = /^Team (\d+)$/.exec(name);
  return m ? t('team.default', { n: m[1]! }) : name;
}
