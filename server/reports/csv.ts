// CSV export of a finished game: ONE file, reportCsv(game), with sections separated by a blank line:
//   1. answers: one row per player per question (blank cells where the player did not answer);
//   2. players: one summary row per player, by rank;
//   3. bills (games whose races were billed): one row per race bill (player, team or class), then one for the
//      best-known plan. (Each decision's layer is in the JSON report: decisions.byLayer.)
// RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a byte-order
// mark so Excel opens Korean correctly. Text cells starting with = + - @ (or a tab / carriage return) get a leading
// single quote so a spreadsheet never runs them as formulas (CSV injection); numbers we format ourselves are left as is.
import type { FinishedGame } from '../storage/types.js';
import { buildReport } from './report.js';
import { billsOf } from './bills.js';

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const EOL = '\r\n';

/** One field: text is neutralised against formula injection, then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** Rows to a CSV document with BOM and CRLF line ends. */
export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map(csvRow).join(EOL) + EOL;
}

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (value: number | null): number | null => round(value === null ? null : value * 100, 1);

export type CsvLang = 'en' | 'ko';

const LABELS = {
  en: {
    answers: ['player', 'team', 'question id', 'topic', 'prompt', 'correctness', 'points', 'elapsed ms'],
    players: ['rank', 'player', 'team', 'score', 'accuracy %', 'answered', 'decisions', 'decision points', 'bot'],
    bills: ['race', 'bill of', 'name', 'deployments', 'reserved cores', 'used cores', 'reserved RAM GB', 'used RAM GB', 'reserved disk GB', 'used disk GB', 'on-premise cost/h', 'off-premise cost/h', 'ops hours/month', 'downtime min', 'points'],
    best: 'best-known plan',
    kinds: { player: 'player', team: 'team', class: 'class' },
  },
  ko: {
    answers: ['플레이어', '팀', '문항 ID', '주제', '문항', '정답도(0~1)', '점수', '응답 시간(ms)'],
    players: ['순위', '플레이어', '팀', '총점', '정확도 %', '응답 수', '배치 결정', '배치 점수', '봇'],
    bills: ['레이스', '청구 대상', '이름', '배치 수', '예약 코어', '사용 코어', '예약 RAM GB', '사용 RAM GB', '예약 디스크 GB', '사용 디스크 GB', '온프레미스 비용/시간', '외부 서비스 비용/시간', '운영 시간/월', '중단(분)', '점수'],
    best: '최선의 알려진 계획',
    kinds: { player: '플레이어', team: '팀', class: '학급' },
  },
} as const;

export function reportCsv(game: FinishedGame, lang: CsvLang = 'en'): string {
  const labels = LABELS[lang];
  const answerOf = new Map(game.answers.map((a) => [`${a.playerId}\u0000${a.questionId}`, a]));
  const rows: CsvCell[][] = [[...labels.answers]];
  const byRank = [...game.players].sort((a, b) => a.rank - b.rank);
  for (const player of byRank) {
    for (const question of game.questions) {
      const answer = answerOf.get(`${player.playerId}\u0000${question.questionId}`);
      rows.push([
        player.name,
        player.teamId,
        question.questionId,
        question.topic,
        question.prompt,
        round(answer?.correctness ?? null, 3),
        answer?.points ?? null,
        answer === undefined ? null : Math.round(answer.elapsedMs),
      ]);
    }
  }
  rows.push([]);
  rows.push([...labels.players]);
  for (const p of buildReport(game).players) {
    rows.push([p.rank, p.name, p.team, p.score, percent(p.accuracy), p.answered, p.decisions, p.decisionPoints, p.bot]);
  }
  const bills = billsOf(game);
  if (bills.length > 0) {
    rows.push([]);
    rows.push([...labels.bills]);
    const billRow = (race: string, of: string, name: string, b: (typeof bills)[number]['bill'], points: number) => [
      race, of, name, b.deployments, b.reserved.cpu, b.used.cpu, b.reserved.ramGb, b.used.ramGb, b.reserved.diskGb, b.used.diskGb,
      b.onPremCostPerHour, b.offPremCostPerHour, b.opsHoursPerMonth, b.downtimeMinutes, points,
    ];
    let lastRace = '';
    for (const bill of bills) {
      const race = `${bill.step + 1}. ${bill.scenarioTitle}`;
      rows.push(billRow(race, labels.kinds[bill.owner.kind], bill.owner.name, bill.bill, bill.bill.points));
      const next = bills[bills.indexOf(bill) + 1];
      if (bill.best && (!next || next.step !== bill.step) && race !== lastRace) {
        rows.push(billRow(race, labels.best, labels.best, bill.best, bill.best.score));
        lastRace = race;
      }
    }
  }
  return toCsv(rows);
}
