import type { Key } from 'ink';
import type { KeyPress, SpecialKey } from '../keymap.js';

const SPECIAL_FLAGS: readonly SpecialKey[] = [
  'upArrow',
  'downArrow',
  'pageUp',
  'pageDown',
  'home',
  'end',
  'return',
  'escape',
  'tab',
  'backspace',
];

const CONTROL_CHARS: Record<string, SpecialKey> = { '\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace' };

/**
 * Turn one ink input event into key presses. A terminal (tmux especially) may deliver several
 * printable keys as ONE chunk ('jjj'); each character is then its own press.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
  for (const flag of SPECIAL_FLAGS) {
    if (key[flag]) return [{ char: '', special: flag, ctrl: key.ctrl }];
  }
  if (key.delete) return [{ char: '', special: 'backspace', ctrl: key.ctrl }];
  if (key.ctrl) return [{ char: input, special: null, ctrl: true }];
  const presses: KeyPress[] = [];
  for (const char of input) {
    const special = CONTROL_CHARS[char];
    presses.push(special ? { char: '', special, ctrl: false } : { char, special: null, ctrl: false });
  }
  return presses;
}
