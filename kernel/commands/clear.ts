import type { Command } from './types.js';

export const clearCommand: Command = {
  name: 'clear',
  summary: 'Clear the screen',
  usage: 'clear',
  run(ctx) {
    ctx.print('\x1b[2J\x1b[H');
  },
};
