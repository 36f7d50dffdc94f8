// The deploy picker's arithmetic in words: how a quote's efficiency, isolation and points were reached, from the
// engine's own breakdown, so no number on the race screen stands without its reason.
import type { Quote } from '../../../shared/engine/types.js';
import { fmt, t } from '../i18n/index.js';
import { kindLabel, placeLabel } from './labels.js';

const pct = (w: number) => fmt(Math.round(w * 100));

export function breakdownLines(q: Quote): { efficiency: string; isolation: string; points: string } {
  const b = q.breakdown;
  const eff = (Object.keys(b.efficiency) as Array<keyof Quote['breakdown']['efficiency']>)
    .map((k) =>
      t('calc.effPart', {
        part: t(`calc.eff.${k}`),
        score: fmt(b.efficiency[k].score),
        weight: pct(b.efficiency[k].weight),
      }),
    )
    .join(' + ');
  const where = q.choice.placement === 'on-prem' ? kindLabel(q.choice.kind) : placeLabel(q.choice.placement);
  const iso = b.isolation
    .map((step) =>
      step.part === 'boundary'
        ? t('calc.iso.boundary', { where, n: fmt(step.delta) })
        : `${step.delta < 0 ? '−' : '+'} ${t(`calc.iso.${step.part}`)} ${fmt(Math.abs(step.delta))}`,
    )
    .join(' ');
  return {
    efficiency: t('calc.efficiency', { score: fmt(q.efficiency), parts: eff }),
    isolation: t('calc.isolation', { score: fmt(q.isolation), parts: iso }),
    points: t('calc.points', {
      points: fmt(q.points),
      perCard: fmt(b.perCard),
      eff: fmt(q.efficiency),
      effW: pct(1 - b.isolationWeight),
      iso: fmt(q.isolation),
      isoW: pct(b.isolationWeight),
    }),
  };
}
