export { Kernel, type KernelOptions } from './kernel.js';
export type { KernelView } from './state.js';
export { PROMPT } from './boot.js';
export { Prng } from './prng.js';
export { Scheduler } from './scheduler.js';
export { LineDiscipline, MAX_LINE_CHARS } from './line-discipline.js';
export { COMMANDS, COMMAND_GRAMMAR } from './commands/index.js';
export type {
  Command,
  CommandContext,
  CommandSpec,
  FlagSpec,
  IntFlagSpec,
  BoolFlagSpec,
  SubcommandSpec,
  Task,
} from './commands/types.js';
export { closestName, editDistance } from './suggest.js';
export { STRESS_TESTS } from './stress/registry.js';
export type { StressTest, TestType, Verdict } from './stress/types.js';
export { DEFAULT_PROFILE, findProfile, PROFILE_NAMES, PROFILES, QEMU_PROFILE, REPORT_PROFILE } from './profiles/index.js';
export type { KernelProfile } from './profiles/index.js';
