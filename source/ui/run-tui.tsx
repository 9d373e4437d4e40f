import { render } from 'ink';
import { AppContainer, type AppProps } from './app/AppContainer.js';

/** What the host decides; the rest of AppProps are test hooks. */
export type TuiOptions = Pick<AppProps, 'store' | 'refreshProfiles' | 'readOnly' | 'namespace' | 'labelSelector' | 'noColor' | 'actions' | 'reads' | 'contexts' | 'copy' | 'profiles'>;

/**
 * Full-screen TUI over the live store. Resolves when the user quits. The terminal is restored
 * (alternate screen left, cursor shown, raw mode off) on quit, Ctrl-C, SIGTERM and crashes.
 */
export async function runTui(opts: TuiOptions): Promise<void> {
  let appQuit: (() => void) | null = null;
  const instance = render(
    <AppContainer
      {...opts}
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
