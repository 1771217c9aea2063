/** What `activate` returns: the parts the integration tests inspect. */
import type { AssemblyProblems } from './debug/assembly-problems';
import type { TranslucentConfigurationProvider } from './debug/config-provider';
import type { SessionEvents } from './debug/session-events';
import type { SpeedItem } from './status/speed-item';
import type { UartTerminals } from './terminal/uart-terminals';
import type { BlocksView } from './views/blocks-view';
import type { DevicesView } from './views/devices-view';
import type { TraceView } from './views/trace-view';

export interface TranslucentApi {
  readonly sessions: SessionEvents;
  readonly configurations: TranslucentConfigurationProvider;
  readonly trace: TraceView;
  readonly blocks: BlocksView;
  readonly devices: DevicesView;
  readonly uart: UartTerminals;
  readonly speed: SpeedItem;
  readonly problems: AssemblyProblems;
}
