// The anchor for start-up time: the smallest Ink app that prints the prompt (bundled by scripts/bench/startup.ts).
import { render, Text } from 'ink';
import { createElement } from 'react';

render(createElement(Text, null, 'sis> '));
