// xterm's stylesheet is small and comes with the page; esbuild does not load a lazy chunk's CSS.
import '@xterm/xterm/css/xterm.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { createEventStore } from './event-store.js';

const root = document.getElementById('root')!;
const store = createEventStore(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`);
createRoot(root).render(<App store={store} version={root.dataset.version ?? ''} />);
