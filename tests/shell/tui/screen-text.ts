/** What a scrollback writer was given, as the one string the terminal receives. */
export function screenText(text: string | readonly string[]): string {
  return typeof text === 'string' ? text : text.join('');
}
