// Where keys go, without ink: the focused prompt, filter or dialog takes every key (its own
// bindings, its text, or a visible "does nothing"), so no key reaches the screen's bindings;
// keys that must be pressed alone ignore a burst; the `:` commands as a table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import fc from 'fast-check';
import { toKeyPresses } from '../../source/ui/app/key-press.js';
import { activeBindings, bindingsFor, INPUT_KINDS, isInputKind, KEYMAP, type Command, type KeyPress, type SpecialKey } from '../../source/ui/keymap.js';
import { COMMANDS, runCommandLine, type CommandContext } from '../../source/ui/state/commands.js';
import { focusOf, pasteIntent, routeKey, typeInto } from '../../source/ui/state/key-routing.js';
import { initialNavState, navReducer, type Modal, type NavAction, type NavState } from '../../source/ui/state/navigation.js';
import { openPrompt } from '../../source/ui/state/prompt-state.js';

// Every key of every screen, the reads and copy included: none may fire from a prompt or dialog.
const ALL = activeBindings(KEYMAP, { readOnly: false, capabilities: new Set(['reschedule', 'run', 'read', 'logs', 'copy', 'profile-write', 'export']) });
const podsOfTest = (): NavState => initialNavState({ namespace: 'test' });
const key = (char: string, o: Partial<KeyPress> = {}): KeyPress => ({ char, special: null, ctrl: false, ...o });
const special = (name: SpecialKey): KeyPress => ({ char: '', special: name, ctrl: false });
const modal = (kind: Modal['kind']): Modal =>
  kind === 'confirm' ? { kind, podKeys: ['test/test'], steps: [] }
  : kind === 'form' ? { kind, podKeys: [], steps: [], draft: { name: 'test', selectors: 'test' }, field: 'name' }
  : { kind, podKeys: ['test/test'], steps: [], expected: 'test', typed: '' };

/** Every command of the screens' own keys (ctrl-c, bound in prompts and dialogs as well, is not one). */
const SCREEN_COMMANDS = new Set<Command>(ALL.filter((b) => b.screens.every((s) => !isInputKind(s))).map((b) => b.command));

describe('focus', () => {
  const cases: Array<{ rule: string; nav: NavState; focus: string }> = [
    { rule: 'a dialog has the keys over everything', nav: { ...podsOfTest(), modal: modal('confirm'), prompt: { ...openPrompt() } }, focus: 'confirm' },
    { rule: 'the typed confirmation is its own context', nav: { ...podsOfTest(), modal: modal('typed-confirm') }, focus: 'typed-confirm' },
    { rule: 'the : prompt before the filter', nav: { ...podsOfTest(), prompt: { ...openPrompt(), draft: 'c' }, filterDraft: 'x' }, focus: 'command' },
    { rule: 'the filter while typed', nav: { ...podsOfTest(), filterDraft: '' }, focus: 'filter' },
    { rule: 'else the screen', nav: podsOfTest(), focus: 'pods' },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(focusOf(c.nav), c.focus));
});

describe('routing', () => {
  test('on a screen, its bindings fire; : opens the prompt', () => {
    assert.deepEqual(routeKey(podsOfTest(), ALL, key('r')), { kind: 'command', command: 'pod.reschedule' });
    assert.deepEqual(routeKey(podsOfTest(), ALL, key(':')), { kind: 'command', command: 'prompt.open' });
    assert.deepEqual(routeKey(podsOfTest(), ALL, key('x')), { kind: 'none' });
  });

  test('in the prompt, printable keys are text, enter runs, esc cancels, the rest is said to do nothing', () => {
    const nav = navReducer(podsOfTest(), { type: 'promptStart' });
    assert.deepEqual(routeKey(nav, ALL, key('r')), { kind: 'type', text: 'r' });
    assert.deepEqual(routeKey(nav, ALL, special('return')), { kind: 'command', command: 'prompt.run' });
    assert.deepEqual(routeKey(nav, ALL, special('escape')), { kind: 'command', command: 'input.cancel' });
    assert.deepEqual(routeKey(nav, ALL, key('r', { ctrl: true })), { kind: 'ignored', why: 'ctrl-r does nothing here: enter runs the command, esc closes the prompt' });
  });

  test('in a y/n dialog, enter does not confirm and says so; y confirms only when alone', () => {
    const nav = { ...podsOfTest(), modal: modal('confirm') };
    assert.deepEqual(routeKey(nav, ALL, special('return')), { kind: 'ignored', why: 'enter does not confirm: press y to run it, n or esc to cancel' });
    assert.deepEqual(routeKey(nav, ALL, key('y')), { kind: 'command', command: 'dialog.confirm' });
    assert.equal(routeKey(nav, ALL, key('y', { burst: true })).kind, 'ignored');
    assert.deepEqual(routeKey(nav, ALL, key('n')), { kind: 'command', command: 'dialog.cancel' });
    assert.deepEqual(routeKey(nav, ALL, key('x')), { kind: 'ignored', why: 'x does nothing here: press y to run it, n or esc to cancel' });
  });

  test('ctrl-c is a keymap key: it quits from a screen, a prompt, the filter and a dialog, even in a burst', () => {
    const ctrlC = key('c', { ctrl: true });
    const open: NavState[] = [podsOfTest(), navReducer(podsOfTest(), { type: 'promptStart' }), navReducer(podsOfTest(), { type: 'filterStart' }), { ...podsOfTest(), modal: modal('confirm') }, { ...podsOfTest(), modal: modal('typed-confirm') }];
    for (const nav of open) {
      assert.deepEqual(routeKey(nav, ALL, ctrlC), { kind: 'command', command: 'app.interrupt' }, focusOf(nav));
      assert.deepEqual(routeKey(nav, ALL, { ...ctrlC, burst: true }), { kind: 'command', command: 'app.interrupt' }, `${focusOf(nav)}, burst`);
    }
  });

  test('on a screen, r in a burst is ignored with the reason', () => {
    assert.deepEqual(routeKey(podsOfTest(), ALL, key('r', { burst: true })), { kind: 'ignored', why: 'r ignored: it came with other keys at once (a paste?); press it on its own' });
    assert.deepEqual(routeKey(podsOfTest(), ALL, key('j', { burst: true })), { kind: 'command', command: 'nav.down' });
  });

  test('property: while a prompt, the filter or a dialog has focus, no press yields a screen command', () => {
    const press = fc.oneof(
      fc.record({ char: fc.string({ minLength: 1, maxLength: 1 }), special: fc.constant(null), ctrl: fc.boolean(), burst: fc.boolean() }),
      fc.record({ char: fc.constant(''), special: fc.constantFrom<SpecialKey>('upArrow', 'downArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'tab', 'backspace'), ctrl: fc.boolean(), burst: fc.boolean() }),
    );
    const open: Record<string, NavState> = {
      command: navReducer(podsOfTest(), { type: 'promptStart' }),
      filter: navReducer(podsOfTest(), { type: 'filterStart' }),
      confirm: { ...podsOfTest(), modal: modal('confirm') },
      'typed-confirm': { ...podsOfTest(), modal: modal('typed-confirm') },
      form: { ...podsOfTest(), modal: modal('form') },
    };
    fc.assert(
      fc.property(fc.constantFrom(...INPUT_KINDS), fc.array(press, { maxLength: 12 }), (kind, presses) => {
        let nav = open[kind]!;
        for (const p of presses) {
          const intent = routeKey(nav, ALL, p);
          if (intent.kind === 'command') {
            const own = bindingsFor(ALL, kind).map((b) => b.command);
            assert.ok(own.includes(intent.command), `${intent.command} is not a ${kind} binding`);
            assert.ok(!SCREEN_COMMANDS.has(intent.command), `${intent.command} reached the screen`);
            // Stop at what closes the input: after it, keys belong to the screen again.
            return;
          }
          if (intent.kind === 'type') nav = navReducer(nav, typeInto(kind, intent.text) as NavAction);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('a paste is text for a field, refused on a screen and in a y/n dialog', () => {
    assert.deepEqual(pasteIntent(navReducer(podsOfTest(), { type: 'promptStart' }), 'pods\ndefault\r\n'), { kind: 'type', text: 'pods default' });
    assert.equal(pasteIntent(podsOfTest(), ':crd\r').kind, 'ignored');
    assert.equal(pasteIntent({ ...podsOfTest(), modal: modal('confirm') }, 'y').kind, 'ignored');
  });
});

describe('key chunks', () => {
  const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } satisfies Key;

  test('every press of a multi-key chunk is marked as a burst; a single key is not', () => {
    assert.deepEqual(toKeyPresses(':crd\r', noKey).map((p) => [p.special ?? p.char, p.burst]), [[':', true], ['c', true], ['r', true], ['d', true], ['return', true]]);
    assert.equal(toKeyPresses('r', noKey)[0]!.burst, undefined);
  });

  test('a control byte in a chunk is its ctrl key, never text', () => {
    assert.deepEqual(toKeyPresses('a\u0012', noKey)[1], { char: 'r', special: null, ctrl: true, burst: true });
  });
});

describe('the : commands', () => {
  const context: CommandContext = { namespaces: new Set(['default', 'test']), watched: null, contexts: ['prod', 'staging'] };
  const cases: Array<{ rule: string; line: string; context?: CommandContext; outcome: ReturnType<typeof runCommandLine> }> = [
    { rule: ':pods without a namespace keeps the current one', line: 'pods', outcome: { kind: 'nav', action: { type: 'jump', list: 'pods' } } },
    { rule: ':po NAMESPACE (k9s spelling)', line: ' po  test ', outcome: { kind: 'nav', action: { type: 'jump', list: 'pods', namespace: 'test' } } },
    { rule: ':pods all and -A mean every namespace', line: 'pods -A', outcome: { kind: 'nav', action: { type: 'jump', list: 'pods', namespace: null } } },
    { rule: ':ns', line: 'ns', outcome: { kind: 'nav', action: { type: 'jump', list: 'namespaces' } } },
    { rule: ':fp is the profiles view', line: 'fp', outcome: { kind: 'nav', action: { type: 'jump', list: 'profiles' } } },
    { rule: ':q quits', line: 'q', outcome: { kind: 'quit' } },
    { rule: ':ctx lists the contexts', line: 'ctx', outcome: { kind: 'contexts' } },
    { rule: ':ctx NAME switches to it', line: 'ctx staging', outcome: { kind: 'switch', context: 'staging' } },
    { rule: ':ctx with a name not in the kubeconfig is named, nothing switches', line: 'ctx nope', outcome: { kind: 'error', message: 'context nope not found in the kubeconfig (tab lists them; :ctx shows them)' } },
    { rule: 'an unknown command is named, never guessed', line: 'crd', outcome: { kind: 'error', message: 'unknown command: crd' } },
    { rule: 'k9s resources we do not show are unknown', line: 'secret', outcome: { kind: 'error', message: 'unknown command: secret' } },
    { rule: 'an unknown namespace is named', line: 'pods nope', outcome: { kind: 'error', message: 'namespace nope not found' } },
    { rule: 'stray arguments are refused with the usage', line: 'ns kube-system', outcome: { kind: 'error', message: ':ns takes no arguments: :ns' } },
    {
      rule: 'with -n, another namespace is not watched',
      line: 'pods default',
      context: { namespaces: new Set(['test']), watched: 'test', contexts: null },
      outcome: { kind: 'error', message: 'only namespace test is watched (started with -n test); restart without -n to see default' },
    },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(runCommandLine(c.line, c.context ?? context), c.outcome));

  test('no two commands share a name', () => {
    const names = COMMANDS.flatMap((c) => c.names);
    assert.equal(new Set(names).size, names.length);
  });

  test('a jump pushes the view (esc comes back), closes the prompt and sets the namespace', () => {
    let nav = navReducer(initialNavState({ namespace: null }), { type: 'openPod', podKey: 'default/web-1' });
    nav = navReducer(nav, { type: 'promptStart' });
    nav = navReducer(nav, { type: 'jump', list: 'pods', namespace: 'test' });
    assert.deepEqual(nav.stack.map((s) => s.kind), ['namespaces', 'detail', 'pods']);
    assert.deepEqual(nav.stack.at(-1), { kind: 'pods', namespace: 'test', filter: '' });
    assert.equal(nav.prompt, null);
    nav = navReducer(nav, { type: 'back' });
    assert.equal(nav.stack.at(-1)?.kind, 'detail');
  });
});
