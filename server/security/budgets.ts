// The per-address budgets for making things and for failed joins (docs/SECURITY.md, "Flood"), from the app's
// options or their defaults.
import type { AppOptions } from '../app.js';
import { METRIC, type Metrics } from '../metrics.js';
import {
  AddressLimiter,
  JOIN_FAILURE_RATE,
  PACK_IMPORT_RATE,
  ROOM_CREATE_RATE,
  SOLO_START_RATE,
  SOLO_VERIFY_RATE,
  TEACHER_LOGIN_RATE,
  WORKSHOP_EDIT_RATE,
} from './rate-limit.js';

export interface AddressBudgets {
  /** Making rooms (socket and HTTP), solo runs, pack imports, solo log checks, teacher logins and workshop saves. */
  making: {
    rooms: AddressLimiter;
    solo: AddressLimiter;
    imports: AddressLimiter;
    verify: AddressLimiter;
    /** Teacher password attempts and workshop saves (server/http/workshop.ts). */
    logins: AddressLimiter;
    edits: AddressLimiter;
  };
  /** Failed joins and resumes (server/security/join-guard.ts counts its own refusals). */
  joinFailures: AddressLimiter;
}

export function addressBudgets(options: AppOptions, metrics: Metrics): AddressBudgets {
  const making = {
    rooms: new AddressLimiter(options.roomCreateRate ?? ROOM_CREATE_RATE, 'rooms'),
    solo: new AddressLimiter(options.soloStartRate ?? SOLO_START_RATE, 'solo runs'),
    imports: new AddressLimiter(options.packImportRate ?? PACK_IMPORT_RATE, 'pack imports'),
    verify: new AddressLimiter(options.soloVerifyRate ?? SOLO_VERIFY_RATE, 'solo log checks'),
    logins: new AddressLimiter(options.teacherLoginRate ?? TEACHER_LOGIN_RATE, 'teacher logins'),
    edits: new AddressLimiter(options.workshopEditRate ?? WORKSHOP_EDIT_RATE, 'workshop saves'),
  };
  for (const limiter of Object.values(making))
    limiter.onRefused = () => metrics.inc(METRIC.budgetRefusals, { budget: limiter.name });
  const joinFailures = new AddressLimiter(options.joinFailureRate ?? JOIN_FAILURE_RATE, 'failed joins');
  return { making, joinFailures };
}

/** Every budget, the join failures' included: with several processes all of them move to Redis. */
export function allBudgets(budgets: AddressBudgets): AddressLimiter[] {
  return [...Object.values(budgets.making), budgets.joinFailures];
}
