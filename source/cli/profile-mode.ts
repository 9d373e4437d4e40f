// `kubectl fargate profile create|replace|delete|export|list`: the usage is checked first (no
// cluster contacted for a bad command line), then the subcommand's own module runs.
import { parseWaitTimeout } from './profile-timeouts.js';
import type { Options } from './flags.js';
import { checkProfileUsage } from './profile-usage.js';

export async function runProfile(options: Options): Promise<number> {
  const command = checkProfileUsage(options);
  const timeouts = parseWaitTimeout(options.timeout);
  switch (command.sub) {
    case 'list':
    case 'export':
      return (await import('./profile-mode-read.js')).runProfileRead(options, command);
    case 'create':
      return (await import('./profile-mode-create.js')).runProfileCreate(options, command, timeouts);
    case 'delete':
      return (await import('./profile-mode-delete.js')).runProfileDelete(options, command, timeouts);
    case 'replace':
      return (await import('./profile-mode-replace.js')).runProfileReplace(options, command, timeouts);
  }
}
