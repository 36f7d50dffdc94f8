// Text for engine values in the current language (kinds, placements, topics, whys).
import type { DeployKind, Placement, RaceEventKind, TopicId, Why } from '../../../shared/engine/types.js';
import { lang, t } from '../i18n/index.js';

export const kindLabel = (kind: DeployKind) => t(`kind.${kind}`);
export const placeLabel = (placement: Placement) => t(`place.${placement}`);
export const topicLabel = (topic: TopicId) => t(`topic.${topic}`);
export const eventLabel = (kind: RaceEventKind) => t(`race.event.${kind}`);
export const whyText = (why: Why) => why[lang()];

/** Seconds as "450 ms", "12 s" or "3 min 20 s". */
export function duration(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 90) return `${Math.round(s * 10) / 10} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
