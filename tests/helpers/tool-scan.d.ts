export function findTool(name: string, path?: string): string | null;
export function installCommand(aptPackage: string): string;
export interface MissingTool {
  file: string;
  tool: string;
  aptPackage: string;
}
export function missingTools(root: string, find?: (name: string) => string | null): MissingTool[];
export function missingToolsNotice(missing: readonly MissingTool[], ci: boolean): string;
export function isCi(env: NodeJS.ProcessEnv): boolean;
