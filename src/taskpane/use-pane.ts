import * as React from 'react';
import type { HostSeam } from './host/seam';
import { PaneController, type PaneState } from './pane-controller';

/** The pane's controller for this host, its state, and the ribbon's events while the pane is shown. */
export function usePane(host: HostSeam): { pane: PaneController; state: PaneState } {
  const [pane] = React.useState(() => new PaneController(host));
  const state = React.useSyncExternalStore(pane.subscribe, pane.getState);
  React.useEffect(() => pane.listen(window), [pane]);
  return { pane, state };
}
