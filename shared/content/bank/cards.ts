// All workload cards of the bank.
import type { BiCard } from './bilingual.js';
import { INFRA_CARDS } from './cards-infra.js';
import { PLATFORM_CARDS } from './cards-platform.js';
import { SERVICE_CARDS } from './cards-services.js';

export const ALL_CARDS: BiCard[] = [...SERVICE_CARDS, ...INFRA_CARDS, ...PLATFORM_CARDS];
