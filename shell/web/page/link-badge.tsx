import type { DashboardState } from './event-store.js';

/** Always in the header: the page's socket to the server, and the server's link to the target. */
export function LinkBadge({ state }: { state: DashboardState }) {
  if (state.socket !== 'open') return <span className="link link-down" data-testid="link">dashboard unreachable, retrying</span>;
  const link = state.link;
  if (link === null) return <span className="link" data-testid="link">…</span>;
  const text =
    link.status === 'connected' ? `connected to ${link.target}` :
    link.status === 'waiting' ? `retrying ${link.target} (attempt ${link.attempt}): ${link.error}` :
    link.status === 'connecting' ? `connecting to ${link.target}` :
    `disconnected from ${link.target}${'error' in link && link.error ? `: ${link.error}` : ''}`;
  return <span className={`link link-${link.status}`} data-testid="link">{text}</span>;
}
