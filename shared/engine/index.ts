// The engine's public API. Server and client import only from here.
export * from './types.js';
export { createGame, next, replay } from './reducer.js';
export { viewFor, sharedView, personalView, visibleTop } from './view.js';
export { visibleTopFor } from './board-limit.js';
export { joinRefusal, balancedTeam, type Refusal } from './seating.js';
export { nextWakeAt, currentStep, stepCount, activePlayerIds, type Step } from './steps.js';
export { legalChoices, quoteOnHost, quoteDeployment } from './race/quote.js';
export { botMoves } from './bots.js';
export { bestPlan, type Plan } from './race/best-plan.js';
export { leaderboard, teamLeaderboard, rankOf, type Standing, type TeamStanding } from './standings.js';
export { DEFAULT_SCORING } from './quiz/scoring.js';
export { readingFloorMs, scoredElapsedMs, REACTION_BAND_MS } from './quiz/reading.js';
export { answerOf, allAnswers } from './quiz/answers.js';
export { playerOf } from './players.js';
export { entriesOf, type Table } from './table.js';
export { billOf, bestPlanBill, bestPlanBillForRace, deploymentTotal, type Bill } from './race/bill.js';
export { layerOf } from './race/race.js';
export { FACTS, factById, type Fact, type FactNumber } from './race/facts.js';
