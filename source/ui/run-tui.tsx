import { render } from 'ink';
import type { ClusterStore } from '../store/cluster-store.js';
import { App } from './app/App.js';
import type { TuiActions } from './tui-actions.js';

export interface TuiOptions {
  store: ClusterStore;
  refreshProfiles: () => void;
  readOnly: boolean;
  /** null = all namespaces. */
  namespace: string | null;
  labelSelector?: string;
  noColor: boolean;
  /** Rescheduling (plan, start, permissions). Absent (or --read-only): the keys are not bound. */
  actions?: TuiActions;
}

/**
 * Full-screen TUI over the live store. Resolves when the user quits. The terminal is restored
 * (alternate screen left, cursor shown, raw mode off) on quit, Ctrl-C, SIGTERM and crashes.
 */
export async function runTui(opts: TuiOptions): Promise<void> {
  let appQuit: (() => void) | null = null;
  const instance = render(
    <App
      store={opts.store}
      refreshProfiles={opts.refreshProfiles}
      readOnly={opts.readOnly}
      namespace={opts.namespace}
      labelSelector={opts.labelSelector}
      noColor={opts.noColor}
      actions={opts.actions}
      registerQuit={(quit) => {
        appQuit = quit;
      }}
    />,
    {
      alternateScreen: true,
      // The app handles Ctrl-C itself: a reschedule in flight is finished before the exit.
      exitOnCtrlC: false,
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
  // Signals quit like `q`: the app finishes (or undoes) the pod in flight first, then exits.
  const onSignal = () => (appQuit ? appQuit() : instance.unmount());
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
  }
  // The screen is restored by now; report the crash as one line, no stack trace.
  if (crash !== null) throw crash instanceof Error ? crash : new Error(String(crash));
}
