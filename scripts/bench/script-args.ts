/** Takes `flag VALUE` out of `args` (a script's own argv) and returns VALUE, or undefined when the flag is absent. */
export function takeOption(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at < 0 ? undefined : args.splice(at, 2)[1];
}
