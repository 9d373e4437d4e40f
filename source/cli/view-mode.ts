import { startReflectors } from '../sources/reflector.js';
import type { Options } from './flags.js';
import { openSession } from './session.js';

/** The live TUI: watches keep the store current; the UI reads it. */
export async function runView(options: Options): Promise<number> {
  const session = await openSession(options);
  const reflectors = startReflectors(session.kc, session.store, {
    namespace: options.namespace,
    labelSelector: options.selector,
    timeoutMs: session.requestTimeoutMs,
  });
  const poller = session.startProfiles();
  const { runTui } = await import('../ui/run-tui.js');
  try {
    await runTui({
      store: session.store,
      refreshProfiles: () => void poller.refreshNow(),
      readOnly: options.readOnly,
      namespace: options.namespace,
      labelSelector: options.selector,
      noColor: options.color === 'never' || (options.color === 'auto' && Boolean(process.env.NO_COLOR)),
    });
  } finally {
    poller.stop();
    await reflectors.stop();
    await session.close();
  }
  return 0;
}
