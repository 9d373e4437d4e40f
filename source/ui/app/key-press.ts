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

const CONTROL_CHARS: Record<string, SpecialKey> = { '\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace', '\x1b': 'escape' };

/** One character of a chunk: a control byte is its ctrl key (0x12 = ctrl-r), never text. */
function pressOf(char: string): KeyPress {
  const special = CONTROL_CHARS[char];
  if (special) return { char: '', special, ctrl: false };
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return { char: String.fromCharCode(code + 0x60), special: null, ctrl: true };
  return { char, special: null, ctrl: false };
}

/**
 * Turn one ink input event into key presses. A terminal (tmux especially) may deliver several
 * printable keys as ONE chunk ('jjj'); each character is then its own press, marked `burst` so
 * that keys which must be pressed on their own (`r`, a dialog's `y`) do not act on it.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
  for (const flag of SPECIAL_FLAGS) {
    if (key[flag]) return [{ char: '', special: flag, ctrl: key.ctrl }];
  }
  if (key.delete) return [{ char: '', special: 'backspace', ctrl: key.ctrl }];
  if (key.ctrl) return [{ char: input, special: null, ctrl: true }];
  const presses = [...input].map(pressOf);
  if (presses.length > 1) for (const press of presses) press.burst = true;
  return presses;
}
