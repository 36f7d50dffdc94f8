// Names and units the engine or server gives in English, shown in the reader's language (client/src/lib/labels.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../client/src/i18n/index.js';
import { duration, playerLabel, teamLabel } from '../../client/src/lib/labels.js';
import { boardRows } from '../../client/src/lib/view-helpers.js';
import type { GameView } from '../../shared/engine/types.js';

afterEach(() => setLang('en'));

describe('labels in both languages', () => {
  it('name a bot once, with its level, in the reader language', () => {
    setLang('en');
    expect(playerLabel({ name: 'Bot 3', bot: 'hard' })).toBe('Hard bot 3');
    // Runs stored before the rename still read well.
    expect(playerLabel({ name: 'Bot 3 (hard)', bot: 'hard' })).toBe('Hard bot 3');
    expect(playerLabel({ name: 'Bot 2 (easy)', bot: true })).toBe('Easy bot 2');
    expect(playerLabel({ name: 'Bot 2', bot: true })).toBe('Bot 2');
    expect(playerLabel({ name: 'Robo', bot: 'easy' })).toBe('Robo (bot)');
    expect(playerLabel({ name: 'Bot 3', bot: null })).toBe('Bot 3');
    const view = {
      players: [{ id: 'b', name: 'Bot 3', bot: 'hard', score: 0, teamId: null, streak: 0, layer: null }],
    } as unknown as GameView;
    expect(boardRows(view)[0]!.name).toBe('Hard bot 3');
    expect(boardRows(view)[0]!.name.match(/bot/gi)).toHaveLength(1);
    setLang('ko');
    expect(playerLabel({ name: 'Bot 3', bot: 'hard' })).toBe('어려운 봇 3');
    expect(boardRows(view)[0]!.name).toBe('어려운 봇 3');
  });

  it('name the engine teams in the reader language', () => {
    setLang('en');
    expect(teamLabel('Team 2')).toBe('Team 2');
    setLang('ko');
    expect(teamLabel('Team 2')).toBe('2팀');
    expect(teamLabel('Blue')).toBe('Blue');
  });

  it('give durations in the reader language', () => {
    setLang('en');
    expect(duration(45)).toBe('45 s');
    expect(duration(0.45)).toBe('450 ms');
    expect(duration(200)).toBe('3 min 20 s');
    setLang('ko');
    expect(duration(45)).toBe('45초');
    expect(duration(0.45)).toBe('450ms');
    expect(duration(200)).toBe('3분 20초');
  });
});
