/** Names shared between package.json's contributions and the code that registers them. */
export const DEBUG_TYPE = 'translucent';

export const VIEW_IDS = {
  trace: 'translucent.trace',
  blocks: 'translucent.blocks',
  devices: 'translucent.devices',
} as const;

export const COMMANDS = {
  showTraceAtPc: 'translucent.showTraceAtPc',
  showTraceAt: 'translucent.showTraceAt',
  refresh: 'translucent.refresh',
  liveUpdatesOn: 'translucent.liveUpdatesOn',
  liveUpdatesOff: 'translucent.liveUpdatesOff',
  showUart: 'translucent.showUart',
} as const;

/** Context key that switches the view-title buttons between "live on" and "live off". */
export const LIVE_UPDATES_CONTEXT = 'translucent.liveUpdates';
