export { buildReport, decisionLayer, MOST_MISSED_COUNT } from './report.js';
export { billsOf } from './bills.js';
export type {
  DecisionTally,
  DecisionsReport,
  LayerDecisions,
  GameReport,
  PlayerDecisions,
  PlayerReport,
  QuestionReport,
  ReportSummary,
  TeamReport,
  TopicReport,
} from './report.js';
export { csvCell, csvRow, reportCsv, toCsv } from './csv.js';
export type { CsvCell, CsvLang } from './csv.js';
