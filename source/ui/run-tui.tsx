import { render } from 'ink';
import type { ClusterStore } from '../store/cluster-store.js';
import { App } from './app/App.js';

export interface TuiOptions {
  store: ClusterStore;
  refreshProfiles: () => void;
  readOnly: boolean;
  /** null = all namespaces. */
  namespace: string | null;
  labelSelector?: string;
  noColor: boolean;
}

/**
 * Full-screen TUI over the live store. Resolves when the user quits. The terminal is restored
 * (alternate screen left, cursor shown, raw mode off) on quit, Ctrl-C, SIGTERM and crashes.
 */
export async function runTui(opts: TuiOptions): Promise<void> {
  const instance = render(
    <App
      store={opts.store}
      refreshProfiles={opts.refreshProfiles}
      readOnly={opts.readOnly}
      namespace={opts.namespace}
      labelSelector={opts.labelSelector}
      noColor={opts.noColor}
    />,
    {
      alternateScreen: true,
      exitOnCtrlC: true,
      // Only changed lines are rewritten: live updates without flicker.
      incrementalRendering: true,
      // A key press must reach the screen in < 50 ms; 60 fps caps the wait at ~17 ms.
      maxFps: 60,
      patchConsole: true,
    },
  );

  let crash: unknown = null;
  const onCrash = (error: unknown) => {
    crash = error;
    instance.unmount();
  };
  const onSignal = () => instance.unmount();
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  // The screen is restored by now; report the crash as one line, no stack trace.
  if (crash !== null) throw crash instanceof Error ? crash : new Error(String(crash));
}
