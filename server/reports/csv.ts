// CSV export of a finished game: ONE file, reportCsv(game), with sections separated by a blank line:
//   1. answers: one row per player per question (blank cells where the player did not answer);
//   2. players: one summary row per player, by rank;
//   3. bills (games whose races were billed): one row per race bill (player, team or class), then one for the
//      best-known plan. (Each decision's layer is in the JSON report: decisions.byLayer.)
// Written by the project's one CSV writer (shared/csv): RFC 4180, UTF-8 with a byte-order mark, and text cells a
// spreadsheet would run as formulas neutralised (CSV injection); the report page's browser-built CSVs use it too.
import type { FinishedGame } from '../storage/types.js';
import { buildReport } from './report.js';
import { billsOf } from './bills.js';
import { toCsv, type CsvCell } from '../../shared/csv/index.js';

export type { CsvCell } from '../../shared/csv/index.js';
export { csvCell, csvRow, toCsv } from '../../shared/csv/index.js';

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (value: number | null): number | null => round(value === null ? null : value * 100, 1);

export type CsvLang = 'en' | 'ko';

// Each label in English and Korean side by side, so that a column cannot be added to (or dropped from) one only.
type Label = readonly [en: string, ko: string];
const LABELS = {
  answers: [
    ['player', '플레이어'],
    ['team', '팀'],
    ['question id', '문항 ID'],
    ['topic', '주제'],
    ['prompt', '문항'],
    ['correctness', '정답도(0~1)'],
    ['points', '점수'],
    ['elapsed ms', '응답 시간(ms)'],
  ],
  players: [
    ['rank', '순위'],
    ['player', '플레이어'],
    ['team', '팀'],
    ['score', '총점'],
    ['accuracy %', '정확도 %'],
    ['answered', '응답 수'],
    ['decisions', '배치 결정'],
    ['decision points', '배치 점수'],
    ['bot', '봇'],
  ],
  bills: [
    ['race', '레이스'],
    ['bill of', '청구 대상'],
    ['name', '이름'],
    ['deployments', '배치 수'],
    ['reserved cores', '예약 코어'],
    ['used cores', '사용 코어'],
    ['reserved RAM GB', '예약 RAM GB'],
    ['used RAM GB', '사용 RAM GB'],
    ['reserved disk GB', '예약 디스크 GB'],
    ['used disk GB', '사용 디스크 GB'],
    ['on-premise cost/h', '온프레미스 비용/시간'],
    ['off-premise cost/h', '외부 서비스 비용/시간'],
    ['ops hours/month', '운영 시간/월'],
    ['downtime min', '중단(분)'],
    ['points', '점수'],
  ],
  best: ['best-known plan', '최선의 알려진 계획'],
  kinds: { player: ['player', '플레이어'], team: ['team', '팀'], class: ['class', '학급'] },
} satisfies { answers: Label[]; players: Label[]; bills: Label[]; best: Label; kinds: Record<string, Label> };

export function reportCsv(game: FinishedGame, lang: CsvLang = 'en'): string {
  const label = ([en, ko]: Label): string => (lang === 'ko' ? ko : en);
  const answerOf = new Map(game.answers.map((a) => [`${a.playerId}\u0000${a.questionId}`, a]));
  const rows: CsvCell[][] = [LABELS.answers.map(label)];
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
  rows.push(LABELS.players.map(label));
  for (const p of buildReport(game).players) {
    rows.push([p.rank, p.name, p.team, p.score, percent(p.accuracy), p.answered, p.decisions, p.decisionPoints, p.bot]);
  }
  const bills = billsOf(game);
  if (bills.length > 0) {
    rows.push([]);
    rows.push(LABELS.bills.map(label));
    const billRow = (race: string, of: string, name: string, b: (typeof bills)[number]['bill'], points: number) => [
      race,
      of,
      name,
      b.deployments,
      b.reserved.cpu,
      b.used.cpu,
      b.reserved.ramGb,
      b.used.ramGb,
      b.reserved.diskGb,
      b.used.diskGb,
      b.onPremCostPerHour,
      b.offPremCostPerHour,
      b.opsHoursPerMonth,
      b.downtimeMinutes,
      points,
    ];
    let lastRace = '';
    for (const bill of bills) {
      const race = `${bill.step + 1}. ${bill.scenarioTitle}`;
      rows.push(billRow(race, label(LABELS.kinds[bill.owner.kind]), bill.owner.name, bill.bill, bill.bill.points));
      const next = bills[bills.indexOf(bill) + 1];
      if (bill.best && (!next || next.step !== bill.step) && race !== lastRace) {
        rows.push(billRow(race, label(LABELS.best), label(LABELS.best), bill.best, bill.best.score));
        lastRace = race;
      }
    }
  }
  return toCsv(rows);
}
