/** The one-line "no session / running / paused" banner every view starts with. */
import type { SessionState } from '../../views/messages';
import { h } from './dom';

const TEXT: Record<SessionState, string> = {
  none: 'No Translucent debug session. Start one with F5 (Run and Debug).',
  running: 'The guest is running.',
  stopped: 'The guest is paused.',
};

export function statusLine(state: SessionState): HTMLElement {
  return h('p', { class: `status status-${state}`, role: 'status' }, TEXT[state]);
}
