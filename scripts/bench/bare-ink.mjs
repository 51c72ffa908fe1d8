// The anchor for start-up time: the smallest Ink app that prints the prompt, loaded unbundled.
import { render, Text } from 'ink';
import { createElement } from 'react';

render(createElement(Text, null, 'sis> '));
