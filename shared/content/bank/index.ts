// The bilingual content bank: everything the built-in packs are made from.
import { arrangeOptions, type BiQuestion } from './bilingual.js';
import { FOUNDATION_QUESTIONS } from './questions-foundations.js';
import { HYPERVISOR_QUESTIONS } from './questions-hypervisors.js';
import { VIRT_MODE_QUESTIONS } from './questions-virt-modes.js';
import { CONTAINER_QUESTIONS } from './questions-containers.js';
import { DOCKER_QUESTIONS } from './questions-docker.js';
import { CLOUD_QUESTIONS } from './questions-cloud.js';

export * from './bilingual.js';
export { ALL_CARDS } from './cards.js';
export { ALL_SCENARIOS, CLASSROOM_SCENARIOS, TEAM_SCENARIOS } from './scenarios.js';

/** Every question, with single/multi options arranged so the correct ones do not always come first. */
export const ALL_QUESTIONS: BiQuestion[] = [
  ...FOUNDATION_QUESTIONS,
  ...HYPERVISOR_QUESTIONS,
  ...VIRT_MODE_QUESTIONS,
  ...CONTAINER_QUESTIONS,
  ...DOCKER_QUESTIONS,
  ...CLOUD_QUESTIONS,
].map(arrangeOptions);
