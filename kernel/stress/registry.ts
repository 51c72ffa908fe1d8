import { chaosTest } from './chaos/chaos-test.js';
import { commandsTest } from './commands-test.js';
import { learningTest } from './learning/learning-test.js';
import { memoryTest } from './memory-test.js';
import { multiTest } from './multi-test.js';
import { redteamTest } from './redteam-test.js';
import type { StressTest } from './types.js';

/** Every stress test, in the order usage and help list them. */
export const STRESS_TESTS: readonly StressTest[] = [memoryTest, commandsTest, multiTest, learningTest, redteamTest, chaosTest];
