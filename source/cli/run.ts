import type { Options } from './flags.js';
import { readsManyContexts } from './multi-context-flags.js';
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';

/** Decide the face: the TUI on an interactive terminal, a one-shot output otherwise. */
export function wantsTui(options: Options, stdoutIsTTY = Boolean(process.stdout.isTTY), env = process.env): boolean {
  return options.command === 'view' && options.output === undefined && stdoutIsTTY && !env.CI;
}

export async function run(options: Options): Promise<number> {
  // Several clusters: only view and check get past the flag parser.
  if (readsManyContexts(options)) return (await import('./multi-context.js')).runManyContexts(options);
  switch (options.command) {
    case 'view':
      if (wantsTui(options)) return (await import('./view-mode.js')).runView(options);
      exitQuietlyOnClosedPipe();
      return (await import('./report-mode.js')).runReport(options);
    case 'check':
      exitQuietlyOnClosedPipe();
      return (await import('./report-mode.js')).runCheck(options);
    case 'reschedule':
      return (await import('./reschedule-mode.js')).runReschedule(options);
    case 'restore':
      return (await import('./restore-mode.js')).runRestore(options);
    case 'profile':
      return (await import('./profile-mode.js')).runProfile(options);
    case 'version':
      return 0;
    case 'completion':
      return (await import('./completion.js')).runCompletion(options);
  }
}
