// Where a key press goes. Pure: the App asks, then does what it is told. The rule that keeps
// typed text away from the actions: while a dialog, the `:` prompt or the `/` filter is open,
// a key either matches one of ITS bindings, goes into its text, or is ignored, visibly. It never
// falls through to the keys of the screen underneath.
import { bindingFor, isInputKind, pressLabel, type Binding, type Command, type InputKind, type KeyContext, type KeyPress } from '../keymap.js';
import { topScreen, type NavAction, type NavState } from './navigation.js';

/** Who has the keyboard: a dialog, else the `:` prompt, else the filter, else the screen. */
export function focusOf(nav: NavState): KeyContext {
  if (nav.modal) return nav.modal.kind;
  if (nav.prompt) return 'command';
  if (nav.filterDraft !== null) return 'filter';
  return topScreen(nav).kind;
}

export type KeyIntent =
  /** A binding of the focused context fired. */
  | { kind: 'command'; command: Command }
  /** Text for the focused field. */
  | { kind: 'type'; text: string }
  /** The key does nothing here; `why` is shown to the user. */
  | { kind: 'ignored'; why: string }
  /** An unbound key on a screen: nothing happens (as in k9s). */
  | { kind: 'none' };

const WHAT_WORKS: Record<InputKind, string> = {
  command: 'enter runs the command, esc closes the prompt',
  filter: 'enter keeps the filter, esc cancels it',
  confirm: 'press y to run it, n or esc to cancel',
  'typed-confirm': 'type the namespace name, then enter; esc cancels',
  form: 'tab: the next field, enter: the what-if, esc cancels',
};

/** Why a key did nothing in `context`, saying what does work. */
export function ignoredWhy(context: InputKind, press: KeyPress, expected?: string): string {
  const works = context === 'typed-confirm' && expected !== undefined ? `type ${expected}, then enter; esc cancels` : WHAT_WORKS[context];
  if (context === 'confirm' && press.special === 'return') return `enter does not confirm: ${works}`;
  return `${pressLabel(press)} does nothing here: ${works}`;
}

export const burstWhy = (press: KeyPress): string => `${pressLabel(press)} ignored: it came with other keys at once (a paste?); press it on its own`;

export function routeKey(nav: NavState, bindings: readonly Binding[], press: KeyPress): KeyIntent {
  const context = focusOf(nav);
  const binding = bindingFor(bindings, context, press);
  if (binding) return binding.alone && press.burst ? { kind: 'ignored', why: burstWhy(press) } : { kind: 'command', command: binding.command };
  if (!isInputKind(context)) return { kind: 'none' };
  if (context !== 'confirm' && press.special === null && !press.ctrl && press.char !== '') return { kind: 'type', text: press.char };
  return { kind: 'ignored', why: ignoredWhy(context, press, nav.modal?.kind === 'typed-confirm' ? nav.modal.expected : undefined) };
}

/** Text typed (or pasted) into the focused field, as a navigation action; null when no field has focus. */
export function typeInto(context: KeyContext, text: string): NavAction | null {
  if (context === 'command') return { type: 'promptType', text };
  if (context === 'filter') return { type: 'filterType', text };
  if (context === 'typed-confirm' || context === 'form') return { type: 'modalType', text };
  return null;
}

export function eraseIn(context: KeyContext): NavAction | null {
  if (context === 'command') return { type: 'promptErase' };
  if (context === 'filter') return { type: 'filterBackspace' };
  if (context === 'typed-confirm' || context === 'form') return { type: 'modalBackspace' };
  return null;
}

export function cancelIn(context: KeyContext): NavAction | null {
  if (context === 'command') return { type: 'promptCancel' };
  if (context === 'filter') return { type: 'filterCancel' };
  if (context === 'confirm' || context === 'typed-confirm' || context === 'form') return { type: 'closeModal' };
  return null;
}

/** Where a message about an ignored key is shown: in the dialog or prompt that has focus, else the status line. */
export function tellAction(nav: NavState, why: string): NavAction | null {
  if (nav.modal) return { type: 'modalHint', hint: why };
  if (nav.prompt) return { type: 'promptError', message: why };
  return null;
}

/** Pasted text (bracketed paste) is only ever text: it goes into a focused field, newlines removed, or is refused. */
export function pasteIntent(nav: NavState, text: string): KeyIntent {
  const context = focusOf(nav);
  if (!isInputKind(context) || context === 'confirm') {
    return { kind: 'ignored', why: context === 'confirm' ? 'pasted text does not confirm: press y to run it, n or esc to cancel' : 'pasted text ignored: open the filter (/) or the command prompt (:) first' };
  }
  const clean = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? { kind: 'none' } : { kind: 'type', text: clean };
}
