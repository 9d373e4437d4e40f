// Pure UI state: navigation reducer, filter language, sort, keymap gating, key chunks. No ink.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import { toKeyPresses } from '../../source/ui/app/key-press.js';
import { activeBindings, bindingsFor, commandFor, KEYMAP, type Binding } from '../../source/ui/keymap.js';
import { matchesFilter, parseFilter } from '../../source/ui/state/filter.js';
import { currentList, effectiveFilter, initialNavState, MAX_STACK, navReducer, podsNamespace, topScreen, type Move, type NavAction, type NavState } from '../../source/ui/state/navigation.js';
import { cursorIndex, rowKeys } from '../../source/ui/state/row-keys.js';
import { sortBy, sortMark, DEFAULT_SORT } from '../../source/ui/state/sort.js';
import type { ListScreen } from '../../source/ui/state/screen.js';

const keysOf = (...keys: string[]) => rowKeys(keys.map((k) => ({ k })), (r) => r.k);
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navReducer, state);
const start = () => initialNavState({ namespace: null });

describe('navigation reducer', () => {
  test('starts on namespaces for all namespaces, on pods for a given namespace or label selector', () => {
    assert.equal(topScreen(start()).kind, 'namespaces');
    assert.equal(topScreen(initialNavState({ namespace: 'test' })).kind, 'pods');
    const labelled = initialNavState({ namespace: null, labelSelector: 'app=web' });
    assert.equal(topScreen(labelled).kind, 'pods');
    assert.deepEqual(topScreen(labelled), { kind: 'pods', namespace: null, filter: '-l app=web' });
  });

  test('the cursor is a row key: it follows the pod when rows reorder', () => {
    const rows = keysOf('a', 'b', 'c');
    const s = run(start(), { type: 'move', list: 'pods', rows, move: 'down', page: 10 });
    assert.equal(s.selection.pods.key, 'b');
    // b moved to the end and a new row came first: still on b.
    assert.equal(cursorIndex(keysOf('new', 'a', 'c', 'b'), s.selection.pods), 3);
  });

  test('when the selected row disappears the cursor stays at the same position', () => {
    const s = run(start(), { type: 'move', list: 'pods', rows: keysOf('a', 'b', 'c'), move: 'bottom', page: 10 });
    assert.equal(cursorIndex(keysOf('a', 'b'), s.selection.pods), 1);
    assert.equal(cursorIndex(keysOf(), s.selection.pods), -1);
  });

  test('moves clamp at both ends; pages move by the page size', () => {
    const rows = keysOf(...Array.from({ length: 50 }, (_, i) => `p${i}`));
    const cases: Array<[Move, number]> = [
      ['up', 0],
      ['pageDown', 20],
      ['bottom', 49],
      ['top', 0],
    ];
    let s = start();
    for (const [move, expected] of cases) {
      s = navReducer(s, { type: 'move', list: 'pods', rows, move, page: 20 });
      assert.equal(cursorIndex(rows, s.selection.pods), expected, move);
    }
  });

  test('tab cycles namespaces → pods → profiles → namespaces, and esc walks back through them', () => {
    let s = start();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      s = navReducer(s, { type: 'nextView' });
      seen.push(topScreen(s).kind);
    }
    assert.deepEqual(seen, ['pods', 'profiles', 'namespaces']);
    assert.deepEqual(s.stack.map((x) => x.kind), ['namespaces', 'pods', 'profiles', 'namespaces']);
    const back: string[] = [];
    for (let i = 0; i < 3; i++) {
      s = navReducer(s, { type: 'back' });
      back.push(topScreen(s).kind);
    }
    assert.deepEqual(back, ['profiles', 'pods', 'namespaces']);
    assert.equal(navReducer(s, { type: 'back' }), s, 'the first screen stays');
  });

  test('the back stack is bounded: the oldest screens go first', () => {
    let s = start();
    for (let i = 0; i < MAX_STACK * 2; i++) s = navReducer(s, { type: 'nextView' });
    assert.equal(s.stack.length, MAX_STACK);
  });

  test('enter on a namespace pushes its pods; esc pops back to the namespaces', () => {
    const s = run(start(), { type: 'openNamespace', namespace: 'test' });
    assert.deepEqual(topScreen(s), { kind: 'pods', namespace: 'test', filter: '' });
    assert.equal(podsNamespace(s), 'test');
    const back = navReducer(s, { type: 'back' });
    assert.equal(topScreen(back).kind, 'namespaces');
    assert.equal(back.selection.namespaces.key, 'test');
  });

  test('esc order: modal, then the screen on top, then the filter of the view it was typed in, then back', () => {
    let s = run(start(), { type: 'nextView' }, { type: 'filterStart' }, { type: 'filterType', text: 'web' }, { type: 'filterApply' });
    s = run(s, { type: 'openPod', podKey: 'default/web-1' }, { type: 'openModal', modal: { kind: 'confirm', podKeys: [], steps: [] } });
    s = navReducer(s, { type: 'back' });
    assert.equal(s.modal, null);
    assert.equal(topScreen(s).kind, 'detail');
    s = navReducer(s, { type: 'back' });
    assert.deepEqual(topScreen(s), { kind: 'pods', namespace: null, filter: 'web' });
    s = navReducer(s, { type: 'back' });
    assert.deepEqual(topScreen(s), { kind: 'pods', namespace: null, filter: '' }, 'the filter is cleared where it was typed');
    s = navReducer(s, { type: 'back' });
    assert.equal(topScreen(s).kind, 'namespaces');
  });

  test('a filter belongs to its view: another pods view does not inherit it', () => {
    let s = run(start(), { type: 'openNamespace', namespace: 'test' }, { type: 'filterStart' }, { type: 'filterType', text: 'web' }, { type: 'filterApply' });
    s = navReducer(s, { type: 'allNamespaces' });
    assert.deepEqual(topScreen(s), { kind: 'pods', namespace: null, filter: '' });
    s = navReducer(s, { type: 'back' });
    assert.deepEqual(topScreen(s), { kind: 'pods', namespace: 'test', filter: 'web' });
  });

  test('the filter draft applies live to the list on top only, and cancel restores the applied one', () => {
    let s = run(start(), { type: 'nextView' }, { type: 'filterStart' }, { type: 'filterType', text: 'we' }, { type: 'filterType', text: 'bx' });
    const pods = topScreen(s) as ListScreen;
    assert.equal(effectiveFilter(s, pods), 'webx');
    assert.equal(effectiveFilter(s, s.stack[0] as ListScreen), '');
    s = navReducer(s, { type: 'filterBackspace' });
    assert.equal(s.filterDraft, 'web');
    s = navReducer(s, { type: 'filterCancel' });
    assert.equal(effectiveFilter(s, topScreen(s) as ListScreen), '');
  });

  test('0 shows pods of all namespaces; esc goes back to the namespace', () => {
    const s = run(start(), { type: 'openNamespace', namespace: 'test' }, { type: 'allNamespaces' });
    assert.equal(podsNamespace(s), null);
    assert.equal(currentList(s), 'pods');
    assert.equal(podsNamespace(navReducer(s, { type: 'back' })), 'test');
  });

  test('p, y, d, l and a profile drill-down push; esc pops each', () => {
    let s = run(start(), { type: 'openNamespace', namespace: 'test' }, { type: 'openPod', podKey: 'test/test' });
    s = run(s, { type: 'openPodDoc', kind: 'yaml', podKey: 'test/test' }, { type: 'openPodDoc', kind: 'logs', podKey: 'test/test' }, { type: 'showProfiles' }, { type: 'openProfile', profile: 'fp-test' });
    assert.deepEqual(s.stack.map((x) => x.kind), ['namespaces', 'pods', 'detail', 'yaml', 'logs', 'profiles', 'profile']);
    const kinds: string[] = [];
    while (s.stack.length > 1) {
      s = navReducer(s, { type: 'back' });
      kinds.push(topScreen(s).kind);
    }
    assert.deepEqual(kinds, ['profiles', 'logs', 'yaml', 'detail', 'pods', 'namespaces']);
  });

  test('the same screen is not pushed twice in a row', () => {
    const s = run(start(), { type: 'showProfiles' }, { type: 'showProfiles' });
    assert.deepEqual(s.stack.map((x) => x.kind), ['namespaces', 'profiles']);
  });

  test('? toggles help on top of any screen', () => {
    const s = run(start(), { type: 'toggleHelp' });
    assert.equal(topScreen(s).kind, 'help');
    assert.equal(topScreen(navReducer(s, { type: 'toggleHelp' })).kind, 'namespaces');
  });

  test('sorting: a column ascending, the same column again reversed, another column ascending', () => {
    const byAge = sortBy(DEFAULT_SORT, 'age');
    assert.deepEqual(byAge, { column: 'age', descending: false });
    assert.deepEqual(sortBy(byAge, 'age'), { column: 'age', descending: true });
    assert.deepEqual(sortBy(sortBy(byAge, 'age'), 'verdict'), { column: 'verdict', descending: false });
    assert.equal(sortMark(byAge, 'age'), '▲');
    assert.equal(sortMark(sortBy(byAge, 'age'), 'age'), '▼');
    assert.equal(sortMark(byAge, 'name'), '');
  });

  test('marks toggle by key; a typed confirmation records what was typed', () => {
    let s = run(start(), { type: 'toggleMark', key: 'a' }, { type: 'toggleMark', key: 'b' }, { type: 'toggleMark', key: 'a' });
    assert.deepEqual([...s.marks], ['b']);
    s = run(s, { type: 'openModal', modal: { kind: 'typed-confirm', podKeys: ['b'], steps: [], expected: 'test', typed: '' } }, { type: 'modalType', text: 't' }, { type: 'modalType', text: 'e' }, { type: 'modalBackspace' });
    assert.equal(s.modal?.kind === 'typed-confirm' && s.modal.typed, 't');
  });

  test('detail scrolling stops at the last page, and esc back to it keeps the place', () => {
    const s = run(start(), { type: 'openPod', podKey: 'x' }, { type: 'scroll', move: 'bottom', page: 10, lines: 25 });
    assert.deepEqual(topScreen(s), { kind: 'detail', podKey: 'x', scroll: 15 });
    assert.equal(navReducer(s, { type: 'scroll', move: 'down', page: 10, lines: 25 }), s);
    const back = run(s, { type: 'openPodDoc', kind: 'yaml', podKey: 'x' }, { type: 'back' });
    assert.deepEqual(topScreen(back), { kind: 'detail', podKey: 'x', scroll: 15 });
  });

  test('a log follows the newest line until scrolled up; G follows again', () => {
    let s = run(start(), { type: 'openPodDoc', kind: 'logs', podKey: 'x' });
    assert.equal((topScreen(s) as { tail: boolean }).tail, true);
    s = navReducer(s, { type: 'scroll', move: 'up', page: 10, lines: 100 });
    assert.deepEqual(topScreen(s), { kind: 'logs', podKey: 'x', container: null, scroll: 89, tail: false });
    s = navReducer(s, { type: 'scroll', move: 'bottom', page: 10, lines: 120 });
    assert.equal((topScreen(s) as { tail: boolean }).tail, true);
  });
});

describe('filter language', () => {
  const cases: Array<{ filter: string; name: string; labels: Record<string, string>; matches: boolean; rule: string }> = [
    { filter: 'web', name: 'web-1', labels: {}, matches: true, rule: 'a regular expression found in the name' },
    { filter: '^api-\\d$', name: 'api-0', labels: {}, matches: true, rule: 'anchors and classes are regular-expression syntax' },
    { filter: '^api-\\d$', name: 'api-10', labels: {}, matches: false, rule: 'the anchored expression must match all of it' },
    { filter: 'web(', name: 'web(1)', labels: {}, matches: true, rule: 'text that is not a valid regular expression is matched as text' },
    { filter: 'WEB', name: 'web-1', labels: {}, matches: true, rule: 'case-insensitive' },
    { filter: 'api', name: 'web-1', labels: {}, matches: false, rule: 'substring absent' },
    { filter: '!web', name: 'web-1', labels: {}, matches: false, rule: '!x is the inverse' },
    { filter: '!web', name: 'api-0', labels: {}, matches: true, rule: '!x keeps non-matching names' },
    { filter: '-l app=web', name: 'x', labels: { app: 'web' }, matches: true, rule: '-l key=value' },
    { filter: '-l app=web', name: 'x', labels: { app: 'api' }, matches: false, rule: '-l value differs' },
    { filter: '-l app=web,tier=fe', name: 'x', labels: { app: 'web' }, matches: false, rule: '-l requirements are ANDed' },
    { filter: '-l app!=web', name: 'x', labels: {}, matches: true, rule: '-l key!=value holds when the label is absent' },
    { filter: '-l app', name: 'x', labels: { app: 'a' }, matches: true, rule: '-l key = exists' },
    { filter: '-l !app', name: 'x', labels: { app: 'a' }, matches: false, rule: '-l !key = does not exist' },
    { filter: '', name: 'x', labels: {}, matches: true, rule: 'empty filter keeps everything' },
  ];
  for (const c of cases) {
    test(`${c.rule}: /${c.filter} on ${c.name}`, () => {
      assert.equal(matchesFilter(parseFilter(c.filter), [c.name], c.labels), c.matches);
    });
  }
  test('a row matches when any of its columns does; the inverse when none does', () => {
    assert.equal(matchesFilter(parseFilter('reschedule'), ['test', 'Running', 'reschedule']), true);
    assert.equal(matchesFilter(parseFilter('!reschedule'), ['test', 'Running', 'reschedule']), false);
    assert.equal(matchesFilter(parseFilter('!reschedule'), ['web-1', 'Running', 'ok']), true);
  });

  test('an unreadable -l is reported, not applied', () => {
    assert.equal(parseFilter('-l ').kind, 'invalid');
    assert.equal(parseFilter('-l a b').kind, 'invalid');
  });
});

describe('keymap', () => {
  const destructive: Binding = { command: 'pod.reschedule', keys: [{ char: 'r', label: 'r' }], description: 'x', section: 'Reschedule', screens: ['pods'], destructive: true };

  test('--read-only binds no destructive key at all', () => {
    const bound = activeBindings([...KEYMAP, destructive], { readOnly: true, capabilities: new Set(['reschedule']) });
    assert.equal(bound.some((b) => b.destructive), false);
    assert.equal(commandFor(bound, 'pods', { char: 'r', special: null, ctrl: false }), null);
  });

  test('capability-gated keys exist only when the host offers the action', () => {
    const without = activeBindings(KEYMAP, { readOnly: false, capabilities: new Set() });
    const withIt = activeBindings(KEYMAP, { readOnly: false, capabilities: new Set(['reschedule']) });
    assert.equal(without.some((b) => b.command === 'mark.toggle'), false);
    assert.equal(withIt.some((b) => b.command === 'pod.reschedule'), true);
  });

  test('no key is bound twice on the same screen, prompt or dialog', () => {
    const all = activeBindings(KEYMAP, { readOnly: false, capabilities: new Set(['reschedule', 'run', 'read', 'logs', 'copy']) });
    for (const screen of ['namespaces', 'pods', 'profiles', 'profile', 'contexts', 'detail', 'yaml', 'describe', 'logs', 'help', 'progress', 'command', 'filter', 'confirm', 'typed-confirm'] as const) {
      const seen = new Set<string>();
      for (const b of bindingsFor(all, screen))
        for (const k of b.keys) {
          const id = `${k.ctrl ? 'ctrl-' : ''}${k.char ?? k.special}`;
          assert.equal(seen.has(id), false, `${id} twice on ${screen}`);
          seen.add(id);
        }
    }
  });

  test('ctrl-f pages down, G goes to the bottom', () => {
    assert.equal(commandFor(KEYMAP, 'pods', { char: 'f', special: null, ctrl: true }), 'nav.pageDown');
    assert.equal(commandFor(KEYMAP, 'pods', { char: 'G', special: null, ctrl: false }), 'nav.bottom');
    assert.equal(commandFor(KEYMAP, 'pods', { char: 'f', special: null, ctrl: false }), 'pods.onlyReschedule');
    assert.equal(commandFor(KEYMAP, 'pods', { char: 'z', special: null, ctrl: true }), 'pods.onlyReschedule');
  });
});

describe('key chunks', () => {
  const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } satisfies Key;

  test("tmux's 'jjj' in one chunk is three presses", () => {
    assert.deepEqual(toKeyPresses('jjj', noKey).map((p) => p.char), ['j', 'j', 'j']);
  });

  test('a chunk with a newline splits into the characters and a return', () => {
    assert.deepEqual(toKeyPresses('ab\r', noKey).map((p) => p.special ?? p.char), ['a', 'b', 'return']);
  });

  test('special keys come through as one press', () => {
    assert.deepEqual(toKeyPresses('', { ...noKey, downArrow: true }), [{ char: '', special: 'downArrow', ctrl: false }]);
    assert.deepEqual(toKeyPresses('f', { ...noKey, ctrl: true }), [{ char: 'f', special: null, ctrl: true }]);
  });
});
