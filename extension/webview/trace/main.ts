/** The Micro-op Trace webview: toolbar, the block's four columns, and the recently executed blocks. */
import '../common/elements';
import type { TraceFromView, TraceToView } from '../../views/messages';
import type { TbListing } from '../../../debug-adapter/protocol';
import { connect } from '../common/host';
import { h, replace } from '../common/dom';
import { addressLabel, hex32 } from '../common/format';
import { statusLine } from '../common/status';
import { renderColumns } from './columns';

const root = document.getElementById('root') as HTMLElement;
// Parts updated separately, so a live update of one never disturbs typing or focus in another.
const statusBox = h('div');
const followButton = h('vscode-button', { title: 'Show the block at the pc, and follow each stop' }, 'Follow pc');
const field = h('vscode-textfield', { placeholder: 'address or symbol', 'aria-label': 'Address or symbol of a block to show' }) as HTMLElement & { value: string };
const blockBox = h('div', { class: 'block' });
const recentBox = h('section', { class: 'recent-section', 'aria-label': 'Recently executed blocks' });
replace(root, statusBox, h('div', { class: 'toolbar', role: 'toolbar' }, followButton, field,
  h('vscode-button', { secondary: true, click: () => showTyped() }, 'Show')), blockBox, recentBox);

const host = connect<TraceToView, TraceFromView>((m) => {
  switch (m.type) {
    case 'session':
      replace(statusBox, statusLine(m.state));
      if (m.state === 'running' && blockBox.childElementCount === 0) replace(blockBox, h('p', { class: 'muted' }, 'Pause the guest to see the block at its pc.'));
      return;
    case 'trace':
      setFollow(m.follow);
      showBlock(m.listing, m.pc, m.follow);
      return;
    case 'traceError':
      setFollow(m.follow);
      blockBox.prepend(h('p', { class: 'error', role: 'alert' }, m.message));
      blockBox.querySelectorAll('.error').forEach((e, i) => { if (i > 0) e.remove(); });
      return;
    case 'recent':
      showRecent(m.blocks);
      return;
  }
});

followButton.addEventListener('click', () => host.send({ type: 'followPc' }));
field.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') showTyped(); });
replace(statusBox, statusLine('none'));

function showTyped(): void {
  const text = field.value.trim();
  if (text) host.send({ type: 'showAddress', address: text });
}

function setFollow(on: boolean): void {
  // The primary look marks the mode in force.
  followButton.toggleAttribute('secondary', !on);
  followButton.setAttribute('aria-pressed', String(on));
}

function showBlock(listing: TbListing, pc: number | undefined, following: boolean): void {
  const facts = [
    listing.cached ? 'cached' : 'translated for display (not in the cache)',
    listing.compiled ? 'runs as generated JavaScript' : 'runs on the micro-op interpreter (not hot yet)',
    `${listing.guest.length} instructions`, `physical ${hex32(listing.physPc)}`, `flags 0x${listing.flags.toString(16)}`,
  ];
  // Keep keyboard focus on the same guest line across a re-render (every stop re-renders).
  const focused = blockBox.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.group : undefined;
  replace(blockBox,
    h('header', { class: 'block-header' },
      h('h2', {}, `Block ${addressLabel(listing.pc, listing.symbol)} `, following ? h('span', { class: 'badge' }, 'at pc') : null),
      h('p', { class: 'facts' }, facts.join(' · '))),
    renderColumns(listing, pc, { revealAddress: (address) => host.send({ type: 'revealDisassembly', address }) }));
  if (focused !== undefined) (blockBox.querySelector(`.guest [data-group="${focused}"]`) as HTMLElement | null)?.focus();
}

function showRecent(blocks: readonly { pc: number; symbol?: string }[]): void {
  const list = h('ol', { class: 'recent' });
  for (const b of blocks) {
    list.append(h('li', {}, h('a', {
      href: '#', click: (e: Event) => { e.preventDefault(); host.send({ type: 'showAddress', address: hex32(b.pc) }); },
    }, addressLabel(b.pc, b.symbol))));
  }
  replace(recentBox, h('h3', {}, 'Recently executed blocks (newest first)'), blocks.length ? list : h('p', { class: 'muted' }, 'None yet.'));
}
