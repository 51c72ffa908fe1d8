import { describe, test } from '@jest/globals';
import { findTool, installCommand, isCi } from './tool-scan.js';

/** An external program a suite runs, and the Debian package that installs it. */
export interface Tool {
  readonly name: string;
  readonly aptPackage: string;
  /** Where it is on PATH; null when missing. */
  readonly path: string | null;
}

/**
 * Declares that a test file needs `name` (installed by `apt-get install -y aptPackage`). Call it
 * with string literals: the global setup reads these calls to say, once, what will be skipped.
 */
export function requireTool(name: string, aptPackage: string): Tool {
  return { name, aptPackage, path: findTool(name) };
}

export type ToolPlan = { kind: 'run' } | { kind: 'fail' | 'skip'; message: string };

/** Run when every tool is on PATH; otherwise fail under CI (naming the install command), else skip. */
export function toolPlan(tools: readonly Tool[], env: NodeJS.ProcessEnv): ToolPlan {
  const missing = tools.filter((tool) => tool.path === null);
  if (missing.length === 0) return { kind: 'run' };
  const message = missing.map((tool) => `${tool.name} is not installed: ${installCommand(tool.aptPackage)}`).join('; ');
  return { kind: isCi(env) ? 'fail' : 'skip', message };
}

/**
 * describe() when every tool is installed. When one is missing: with CI set, one test that fails
 * naming the install command; elsewhere describe.skip (the run's global setup has listed it).
 */
export function describeWithTools(
  tools: readonly Tool[],
  name: string,
  fn: () => void,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const plan = toolPlan(tools, env);
  if (plan.kind === 'run') return describe(name, fn);
  if (plan.kind === 'fail') {
    return describe(name, () => {
      test(`needs ${tools.map((tool) => tool.name).join(', ')}`, () => {
        throw new Error(plan.message);
      });
    });
  }
  describe.skip(`${name} (skipped: ${plan.message})`, fn);
}
