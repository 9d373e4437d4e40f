import { useCallback } from 'react';
import { COMMAND_HANDLERS, type CommandActions } from '../app/command-handlers.js';
import type { UIState } from '../app/contexts.js';
import type { Command } from '../keymap.js';

/** Run a keymap command through its handler (app/command-handlers.ts), on the state as of now. */
export function useCommands(readState: () => UIState, actions: CommandActions): (command: Command) => void {
  return useCallback((command: Command) => COMMAND_HANDLERS[command](readState(), actions), [readState, actions]);
}
