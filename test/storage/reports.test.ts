// Reports and CSV export: pure functions over a FinishedGame.
import { describe, expect, it } from 'vitest';
import { buildReport, csvCell, reportCsv, toCsv } from '../../server/reports/index.js';
import type { FinishedGame } from '../../server/storage/index.js';
import type { TopicId } from '../../shared/engine/types.js';

type AnswerRow = [playerId: string, questionId: string, correctness: number, points?: number];

function game(over: Partial<FinishedGame> & { answerRows?: AnswerRow[] } = {}): FinishedGame {
  const questions: FinishedGame['questions'] = [
    { questionId: 'q1', topic: 'container', type: 'single', prompt: 'Containers share what?' },
    { questionId: 'q2', topic: 'container', type: 'truefalse', prompt: 'A container has its own kernel.' },
    { questionId: 'q3', topic: 'hypervisor-type1', type: 'ordering', prompt: 'Order the Type 1 stack' },
    { questionId: 'q4', topic: 'service-models', type: 'matching', prompt: 'IaaS, PaaS, SaaS' },
    { questionId: 'q5', topic: 'vm', type: 'numeric', prompt: '32 GB - 4 GB - 8 GB = ?' },
    { questionId: 'q6', topic: 'docker', type: 'single', prompt: 'What is an image?' },
    { questionId: 'q7', topic: 'on-prem', type: 'single', prompt: 'Nobody answered this one' },
  ];
  const topicOf = new Map(questions.map((q) => [q.questionId, q.topic]));
  const answerRows: AnswerRow[] = over.answerRows ?? [
    ['p1', 'q1', 1, 900],
    ['p2', 'q1', 0],
    ['p3', 'q1', 1, 800],
    ['p1', 'q2', 0],
    ['p2', 'q2', 0],
    ['p1', 'q3', 0.5, 400],
    ['p2', 'q3', 0.25, 100],
    ['p1', 'q4', 1, 1000],
    ['p1', 'q5', 0],
    ['p2', 'q5', 1, 700],
    ['p1', 'q6', 1, 1000],
    ['p2', 'q6', 1, 1000],
    ['bot', 'q1', 0], // bots never count in class-wide figures
    ['bot', 'q6', 0],
  ];
  return {
    gameId: 'g1',
    roomCode: 'ROOM01',
    hostKeyHash: 'h',
    packId: 'pack',
    packTitle: 'Pack',
    mode: 'team',
    seed: 's',
    startedAt: 1_000,
    finishedAt: 61_000,
    players: [
      { playerId: 'p2', name: '이서연', teamId: 'red', score: 1800, rank: 2, bot: false },
      { playerId: 'p1', name: 'Ann', teamId: 'blue', score: 4300, rank: 1, bot: false },
      { playerId: 'p3', name: 'Cho', teamId: 'red', score: 800, rank: 3, bot: false },
      { playerId: 'bot', name: 'Bot', teamId: 'blue', score: 0, rank: 4, bot: true },
    ],
    questions,
    answers: answerRows.map(([playerId, questionId, correctness, points]) => ({
      playerId,
      questionId,
      topic: topicOf.get(questionId) as TopicId,
      correctness,
      points: points ?? 0,
      elapsedMs: 1_000,
    })),
    decisions: [
      {
        playerId: 'p1',
        hostId: 'blue',
        cardId: 'c1',
        cardTitle: 'DB',
        topic: 'on-prem',
        kind: 'vm-full',
        placement: 'on-prem',
        points: 100,
        why: [],
      },
      {
        playerId: 'p1',
        hostId: 'blue',
        cardId: 'c2',
        cardTitle: 'Web',
        topic: 'container',
        kind: 'container',
        placement: 'on-prem',
        points: 50,
        why: [],
      },
      {
        playerId: 'p2',
        hostId: 'red',
        cardId: 'c3',
        cardTitle: 'Mail',
        topic: 'service-models',
        kind: null,
        placement: 'saas',
        points: -20,
        why: [],
      },
    ],
    scoreChanges: [],
    actions: [],
    ...over,
  };
}

describe('buildReport', () => {
  it('summarises the game, counting humans only in class accuracy', () => {
    const { summary } = buildReport(game());
    expect(summary).toMatchObject({
      playerCount: 3,
      botCount: 1,
      questionCount: 7,
      answerCount: 14,
      decisionCount: 3,
      durationMs: 60_000,
      topPlayer: 'Ann',
    });
    // Humans' correctness: 1+0+1+0+0+0.5+0.25+1+0+1+1+1 = 6.75 over 12 answers.
    expect(summary.accuracy).toBeCloseTo(6.75 / 12, 10);
  });

  it('lists players by rank with their accuracy and answer count', () => {
    const { players } = buildReport(game());
    expect(players.map((p) => [p.rank, p.name, p.team, p.score, p.answered])).toEqual([
      [1, 'Ann', 'blue', 4300, 6],
      [2, '이서연', 'red', 1800, 5],
      [3, 'Cho', 'red', 800, 1],
      [4, 'Bot', 'blue', 0, 2],
    ]);
    expect(players[0]?.accuracy).toBeCloseTo(3.5 / 6, 10);
    expect(players[1]?.accuracy).toBeCloseTo(2.25 / 5, 10);
    expect(players[2]?.accuracy).toBe(1);
    expect(players[0]).toMatchObject({ decisions: 2, decisionPoints: 150, meanElapsedMs: 1_000 });
  });

  it('gives accuracy per curriculum topic as mean correctness, worst first, unanswered topics last', () => {
    const { topics } = buildReport(game());
    expect(topics.map((t) => [t.topic, t.answers, t.accuracy])).toEqual([
      ['hypervisor-type1', 2, 0.375],
      ['container', 5, 0.4], // q1: 1,0,1 and q2: 0,0 -> 2 / 5
      ['vm', 2, 0.5],
      ['docker', 2, 1], // bots' two wrong answers are left out; ties keep curriculum order
      ['service-models', 1, 1],
      ['on-prem', 0, null],
    ]);
    expect(topics.find((t) => t.topic === 'container')).toMatchObject({ questions: 2, decisions: 1 });
  });

  it('orders the most missed questions by accuracy, then by how many answered, keeping five', () => {
    const { mostMissed } = buildReport(game());
    expect(mostMissed.map((q) => [q.questionId, q.answers, q.accuracy])).toEqual([
      ['q2', 2, 0],
      ['q3', 2, 0.375],
      ['q5', 2, 0.5],
      ['q1', 3, 2 / 3],
      ['q6', 2, 1], // ties with q4: more answers first
    ]);
    expect(mostMissed[0]).toMatchObject({
      topic: 'container',
      type: 'truefalse',
      prompt: 'A container has its own kernel.',
    });
  });

  it('breaks decisions down per player, per placement and per kind', () => {
    const { decisions } = buildReport(game());
    expect(decisions.byPlayer).toEqual([
      {
        playerId: 'p1',
        name: 'Ann',
        count: 2,
        points: 150,
        byKind: { 'vm-full': 1, container: 1 },
        byPlacement: { 'on-prem': 2 },
      },
      { playerId: 'p2', name: '이서연', count: 1, points: -20, byKind: { none: 1 }, byPlacement: { saas: 1 } },
    ]);
    expect(decisions.byPlacement).toEqual([
      { placement: 'on-prem', count: 2, points: 150 },
      { placement: 'saas', count: 1, points: -20 },
    ]);
    expect(decisions.byKind.map((k) => k.kind)).toEqual(['vm-full', 'container', 'none']);
  });

  it("scores teams as the sum of their members, with each member's share", () => {
    const { teams } = buildReport(game());
    expect(teams.map((t) => [t.rank, t.teamId, t.score])).toEqual([
      [1, 'blue', 4300],
      [2, 'red', 2600],
    ]);
    expect(teams[1]?.members.map((m) => [m.name, m.score, m.share])).toEqual([
      ['이서연', 1800, 1800 / 2600],
      ['Cho', 800, 800 / 2600],
    ]);
    expect(teams[0]?.members.find((m) => m.bot)?.share).toBe(0);
  });

  it('handles an empty game and ties', () => {
    const empty = buildReport(game({ players: [], answerRows: [], decisions: [], questions: [] }));
    expect(empty.summary.accuracy).toBeNull();
    expect(empty.summary.topPlayer).toBeNull();
    expect(empty.topics).toEqual([]);
    expect(empty.mostMissed).toEqual([]);
    expect(empty.teams).toEqual([]);

    const tied = game();
    tied.players = tied.players.map((p) => ({
      ...p,
      score: p.teamId === 'red' ? 1 : 0,
      teamId: p.teamId === 'blue' ? 'green' : p.teamId,
    }));
    tied.players.push({ playerId: 'p9', name: 'Z', teamId: 'blue', score: 2, rank: 5, bot: false });
    expect(buildReport(tied).teams.map((t) => [t.teamId, t.rank])).toEqual([
      ['blue', 1],
      ['red', 1],
      ['green', 3],
    ]);
    expect(buildReport(tied).teams[2]?.members.every((m) => m.share === null)).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and keeps Korean as is', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell('가상 머신, 컨테이너')).toBe('"가상 머신, 컨테이너"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('escapes cells that a spreadsheet would run as a formula, but not our own numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-20)).toBe('-20');
  });

  it('writes a BOM, CRLF line ends and one row per player per question, then the player summary', () => {
    const g = game();
    g.players[0] = { ...g.players[0]!, name: '=이서연, "the best"' };
    const csv = reportCsv(g);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('player,team,question id,topic,prompt,correctness,points,elapsed ms');
    // 4 players x 7 questions, by rank then game order; blank cells where a player did not answer.
    expect(lines.slice(1, 29)).toHaveLength(28);
    expect(lines[1]).toBe('Ann,blue,q1,container,Containers share what?,1,900,1000');
    expect(lines[7]).toBe('Ann,blue,q7,on-prem,Nobody answered this one,,,');
    expect(lines[8]).toBe('"\'=이서연, ""the best""",red,q1,container,Containers share what?,0,0,1000');
    expect(lines[29]).toBe('');
    expect(lines[30]).toBe('rank,player,team,score,accuracy %,answered,decisions,decision points,bot');
    expect(lines[31]).toBe('1,Ann,blue,4300,58.3,6,2,150,no');
    expect(lines[32]).toBe('2,"\'=이서연, ""the best""",red,1800,45,5,1,-20,no');
    expect(lines[34]).toBe('4,Bot,blue,0,0,2,0,0,yes');
    expect(lines[35]).toBe('');
    expect(lines).toHaveLength(36);
  });

  it('can label the columns in Korean', () => {
    const csv = reportCsv(game(), 'ko');
    expect(csv.slice(1).split('\r\n')[0]).toBe('플레이어,팀,문항 ID,주제,문항,정답도(0~1),점수,응답 시간(ms)');
  });

  it('toCsv joins rows', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b, c', null],
      ]),
    ).toBe('\uFEFFa,1\r\n"b, c",\r\n');
  });
});
