// Each view on its own (ink-testing-library, 100 columns) over the fixture store: what a user
// sees before pressing anything. Whole-App tests at a chosen terminal size are at the end.
import { COLUMNS, renderView, SCREEN, uiState, type RenderedView } from './component-harness.js';
import { lineWith, press, renderApp, waitForFrame, waitForInputsReady, type AppHarness } from './helpers.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { Box } from 'ink';
import { AppContainer } from '../../source/ui/app/AppContainer.js';
import { layoutColumns, Table, type Column } from '../../source/ui/components/Table.js';
import { bindingsFor, keyLabels } from '../../source/ui/keymap.js';
import { themeFor } from '../../source/ui/theme.js';
import { FilterBar } from '../../source/ui/views/FilterBar.js';
import { HelpView } from '../../source/ui/views/HelpView.js';
import { NamespacesView } from '../../source/ui/views/NamespacesView.js';
import { PodsView } from '../../source/ui/views/PodsView.js';
import { ProfilesView } from '../../source/ui/views/ProfilesView.js';
import { StatusBar } from '../../source/ui/views/StatusBar.js';
import { sceneStore, SCENE_PROFILES, NOW, sceneProfile } from '../helpers/scene.js';

let tui: AppHarness | null = null;
afterEach(() => {
  cleanup(); // unmounts whatever ink-testing-library rendered
  tui?.unmount();
  tui = null;
});

const show = (element: Parameters<typeof renderView>[0], state = uiState()): RenderedView => renderView(element, state);

describe('namespaces view', () => {
  test('shows pods, on Fargate, needing reschedule, blocked and the covering profiles per namespace', () => {
    const frame = show(<NamespacesView screen={{ kind: 'namespaces', filter: '' }} />).frame();
    // USD/H: the namespace's pods running on Fargate at us-east-1 rates (2 x 0.25vCPU 0.5GB = 2 x 0.012343).
    assert.match(lineWith(frame, ' test '), /test\s+1\s+0\s+1\s+0\s+0\s+0\.0000\s+fp-test/);
    assert.match(lineWith(frame, ' default '), /default\s+2\s+2\s+0\s+0\s+0\s+0\.0247\s+fp-default/);
    assert.match(lineWith(frame, ' prod '), /prod\s+2\s+0\s+0\s+1\s+2\s+0\.0000\s+fp-prod/);
    assert.match(lineWith(frame, 'kube-system'), /kube-system\s+1\s+0\s+0\s+0\s+1\s+0\.0000\s+-/);
  });

  test('profiles in EKS\'s order of choice (ACTIVE by name, then CREATING); DELETING and failed ones left out', () => {
    const store = sceneStore();
    const extra = [
      sceneProfile('fp-z', [{ namespace: 'test' }]),
      sceneProfile('fp-a-creating', [{ namespace: 'test' }], { status: 'CREATING' }),
      sceneProfile('fp-0-deleting', [{ namespace: 'test' }], { status: 'DELETING' }),
      sceneProfile('fp-1-failed', [{ namespace: 'test' }], { status: 'CREATE_FAILED' }),
    ];
    store.setLiveProfiles([...extra, ...SCENE_PROFILES], { state: 'ok', message: null, fetchedAt: NOW, stale: false });
    const frame = show(<NamespacesView screen={{ kind: 'namespaces', filter: '' }} />, uiState({ store, columns: 120 })).frame();
    assert.match(lineWith(frame, ' test '), /\sfp-test, fp-z, fp-a-creating\s*$/);
  });
});

describe('pods view', () => {
  test('lists every pod with node type, expected profile and the verdict', () => {
    const frame = show(<PodsView screen={{ kind: 'pods', namespace: null, filter: '' }} />, uiState({ namespace: null })).frame();
    assert.match(lineWith(frame, ' test '), /test\s+test\s+Running\s+EC2\s+fp-test\s+reschedule/);
    assert.match(lineWith(frame, 'web-1'), /Running\s+Fargate\s+fp-default\s+ok/);
    assert.match(lineWith(frame, 'priv'), /Pending\s+pending\s+fp-prod\s+blocked/);
    assert.match(lineWith(frame, 'coredns-1'), /pending\s+EC2\s+pending/);
    assert.match(lineWith(frame, 'backup-29001'), /completed/);
  });

  test('verdicts are coloured by meaning through the theme', () => {
    const raw = show(<PodsView screen={{ kind: 'pods', namespace: null, filter: '' }} />, uiState({ namespace: null })).rawFrame();
    const line = (text: string) => raw.split('\n').find((l) => l.includes(text)) ?? '';
    // Codes directly before the word (ink may order bold and colour either way).
    const codesBefore = (text: string, word: string) => new Set((new RegExp(`((?:\u001B\\[\\d+m)+)${word}`).exec(line(text))?.[1] ?? '').match(/\d+/g));
    assert.deepEqual(codesBefore(' test ', 'reschedule'), new Set(['1', '33']), 'reschedule is bold yellow');
    assert.deepEqual(codesBefore(' priv ', 'blocked'), new Set(['1', '31']), 'blocked is bold red');
    assert.deepEqual(codesBefore('web-1', 'ok'), new Set(['32']), 'ok is green');
    assert.deepEqual(codesBefore('coredns', 'pending '), new Set(['35']), 'pending is magenta');
  });

  test('NO_COLOR: no colour codes at all, the selection still shows (inverse)', () => {
    const raw = show(<PodsView screen={{ kind: 'pods', namespace: null, filter: '' }} />, uiState({ namespace: null, noColor: true })).rawFrame();
    assert.doesNotMatch(raw, /\u001B\[(3[0-7]|9[0-7]|38;)/);
    assert.match(raw, /\u001B\[7m/);
  });

  test('what-if: pods a --profiles-file profile would capture show it as proposed', () => {
    const state = uiState({ store: sceneStore({ withFileProfile: true }), namespace: 'batch' });
    const frame = show(
      <Box flexDirection="column">
        <StatusBar />
        <FilterBar />
        <PodsView screen={{ kind: 'pods', namespace: null, filter: '' }} />
      </Box>,
      state,
    ).frame();
    assert.match(frame, /\* = proposed profile/);
    assert.match(lineWith(frame, 'worker'), /fp-batch\*\s+reschedule/);
    assert.match(frame, /what-if: 1 proposed/);
  });
});

describe('profiles view', () => {
  test('status, selectors, pods running under each and pods each would capture; file profiles are proposed', () => {
    const frame = show(<ProfilesView screen={{ kind: 'profiles', filter: '' }} />, uiState({ store: sceneStore({ withFileProfile: true }) })).frame();
    assert.match(lineWith(frame, 'fp-default'), /ACTIVE\s+default\s+2\s+2\s+subnet-0a1/);
    assert.match(lineWith(frame, 'fp-test'), /ACTIVE\s+test \{app=te\*\}\s+0\s+1/);
    assert.match(lineWith(frame, 'fp-batch'), /fp-batch \(propos.*ACTIVE\s+batch\s+0\s+1/);
  });

  test('a wide terminal adds each profile\'s USD/H: its running pods at the region\'s rates', () => {
    const frame = show(<ProfilesView screen={{ kind: 'profiles', filter: '' }} />, uiState({ columns: 140 })).frame();
    assert.match(lineWith(frame, 'fp-default'), /ACTIVE\s+default\s+2\s+2\s+0\.0247\s+subnet-0a1/); // 2 x 0.012343
    assert.match(lineWith(frame, 'fp-test'), /\s0\s+1\s+0\.0000\s+subnet-0a1/);
  });

  test('profiles that could not be read say so instead of an empty table', () => {
    const store = sceneStore();
    store.setLiveProfiles([], { state: 'access-denied', message: 'denied', fetchedAt: null, stale: false });
    assert.match(show(<ProfilesView screen={{ kind: 'profiles', filter: '' }} />, uiState({ store })).frame(), /Fargate profiles are not known \(see the status bar\)/);
  });
});

describe('status bar', () => {
  test('context, cluster, region, AWS state, totals and time since the last update', () => {
    const [line1, line2] = show(<StatusBar />).frame().split('\n');
    assert.match(line1 ?? '', /demo-ctx │ cluster demo │ us-east-1 │ AWS ok │ k8s live │ updated 3s ago/);
    assert.match(line2 ?? '', /8 pods │ 2 on Fargate │ 3 on EC2 │ 1 need reschedule │ 1 blocked │ 3 pending │ 3 profiles/);
  });

  const awsCases = [
    { state: 'no-credentials', text: 'AWS no credentials', message: 'no AWS credentials found' },
    { state: 'access-denied', text: 'AWS access denied', message: 'not authorized to perform eks:ListFargateProfiles' },
    { state: 'file-only', text: 'AWS file profiles only', message: null },
  ] as const;
  for (const c of awsCases) {
    test(`AWS state ${c.state} is shown${c.message ? ' with its message' : ''}`, () => {
      const store = sceneStore();
      store.setLiveProfiles([], { state: c.state, message: c.message, fetchedAt: null, stale: false });
      const frame = show(<StatusBar />, uiState({ store })).frame();
      assert.match(frame, new RegExp(c.text));
      if (c.message) assert.match(frame, new RegExp(`AWS: ${c.message}`));
    });
  }

  test('a lost watch connection shows as reconnecting with the error', () => {
    const store = sceneStore();
    store.setConnection({ state: 'reconnecting', message: 'watch pods: connection reset' });
    const frame = show(<StatusBar />, uiState({ store })).frame();
    assert.match(frame, /k8s reconnecting/);
    assert.match(frame, /Kubernetes: watch pods: connection reset/);
  });

  test('at 80 columns low-priority parts drop instead of wrapping', () => {
    const store = sceneStore();
    store.setIdentity({ ...store.getSnapshot().identity, context: 'arn:aws:eks:us-east-1:111122223333:cluster/demo-with-a-long-name' });
    const frame = show(<StatusBar />, uiState({ store, columns: 80 })).frame();
    const [line1, line2, line3] = frame.split('\n');
    assert.ok((line1 ?? '').trimEnd().length <= 80 && (line2 ?? '').trimEnd().length <= 80, frame);
    // The context keeps its end (the cluster's name) and the cluster stays named.
    assert.match(line1 ?? '', /^….*:cluster\/demo-with-a-long-name │ cluster demo │ AWS ok │ k8s live/);
    assert.match(line2 ?? '', /need reschedule │ 1 blocked/);
    assert.equal(line3?.trim(), '', 'the message line stays empty: nothing wrapped into it');
  });

  test('"updated" counts from the last update to the tick clock', () => {
    const v = show(<StatusBar />);
    assert.match(v.frame(), /updated 3s ago/);
    v.rerender(uiState({ now: NOW + 60_000 }));
    assert.match(v.frame(), /updated 1m ago/);
  });
});

describe('help view', () => {
  test('lists every key bound on the view below it, from the keymap', () => {
    const state = uiState({ rows: 80, capabilities: ['reschedule', 'run'], nav: { stack: [SCREEN.pods(), SCREEN.help()] } });
    const frame = show(<HelpView screen={{ kind: 'help', scroll: 0 }} />, state).frame();
    assert.match(frame, /Keys for the pods view/);
    const bound = bindingsFor(state.bindings, 'pods');
    assert.ok(bound.some((b) => b.command === 'ns.rescheduleAll'), 'the reschedule keys are bound here');
    for (const b of bound) {
      assert.match(lineWith(frame, b.description), new RegExp(`^\\s+${keyLabels(b).replace(/[?/]/g, '\\$&')}\\s`), b.command);
    }
  });

  test('a key bound on the screen and in the prompts (ctrl-c) is listed once', () => {
    const state = uiState({ rows: 80, nav: { stack: [SCREEN.pods(), SCREEN.help()] } });
    const frame = show(<HelpView screen={{ kind: 'help', scroll: 0 }} />, state).frame();
    assert.equal(frame.split('\n').filter((line) => /^\s+ctrl-c\s/.test(line)).length, 1);
  });

  test('read-only help says so and lists no destructive key', () => {
    const state = uiState({ rows: 80, readOnly: true, capabilities: ['reschedule'], nav: { stack: [SCREEN.pods(), SCREEN.help()] } });
    const frame = show(<HelpView screen={{ kind: 'help', scroll: 0 }} />, state).frame();
    assert.match(frame, /read-only: no destructive keys/);
    assert.doesNotMatch(frame, /asks first/);
  });
});

// ---- the windowed table ----

interface Item {
  key: string;
  n: number;
}
const items = Array.from({ length: 200 }, (_, n): Item => ({ key: `item-${String(n).padStart(3, '0')}`, n }));
const columns: Column<Item>[] = [
  { id: 'name', header: 'NAME', width: 12, flex: true, priority: 0, cell: (r) => r.key },
  { id: 'n', header: 'N', width: 5, priority: 0, align: 'right', cell: (r) => String(r.n) },
  { id: 'half', header: 'HALF', width: 30, priority: 1, cell: (r) => String(r.n / 2) },
  { id: 'twice', header: 'TWICE', width: 30, priority: 2, cell: (r) => String(r.n * 2) },
];
const theme = themeFor(false);

function table(props: Partial<Parameters<typeof Table<Item>>[0]> = {}) {
  return (
    <Table
      columns={columns}
      rows={items.slice(20, 25)}
      offset={20}
      total={items.length}
      rowKey={(r) => r.key}
      cursor={22}
      height={5}
      width={COLUMNS}
      theme={theme}
      {...props}
    />
  );
}

describe('table', () => {
  test('draws only the rows it is given, and says which of how many they are', () => {
    const lines = show(table()).frame().split('\n');
    assert.equal(lines.length, 6, 'header + 5 rows');
    assert.match(lines[0] ?? '', /21-25\/200$/);
    assert.deepEqual(lines.slice(1).map((l) => l.trim().split(/\s+/)[0]), ['item-020', 'item-021', 'item-022', 'item-023', 'item-024']);
  });

  test('the cursor row is inverse, marked rows carry ✓, recently changed rows •', () => {
    const v = show(table({ marks: new Set(['item-020']), changedAt: new Map([['item-021', NOW - 1000]]), now: NOW }));
    const selected = v.rawFrame().split('\n').filter((l) => l.includes('\u001B[7m'));
    assert.equal(selected.length, 1);
    assert.match(selected[0] ?? '', /item-022/);
    assert.match(lineWith(v.frame(), 'item-020'), /^✓ item-020/);
    assert.match(lineWith(v.frame(), 'item-021'), /^• item-021/);
  });

  test('a narrow table drops the highest priority numbers first; the flex column takes the rest', () => {
    const header = (width: number) => show(table({ width })).frame().split('\n')[0] ?? '';
    assert.match(header(100), /NAME\s+N HALF\s+TWICE/);
    assert.match(header(60), /NAME\s+N HALF/);
    assert.doesNotMatch(header(60), /TWICE/);
    assert.doesNotMatch(header(40), /HALF|TWICE/);
    assert.deepEqual(
      layoutColumns(columns, 60).map((c) => [c.column.id, c.width]),
      [['name', 12 + 8], ['n', 5], ['half', 30]],
      '2 gutter + 13 + 6 + 31 = 52: NAME gets the 8 spare columns',
    );
  });
});

// ---- whole App: keys and the clock (ink-testing-library; nothing here depends on the height) ----

describe('app without a chosen terminal size', () => {
  test('esc returns from profiles to where p was pressed', async () => {
    const app = render(createElement(AppContainer, { store: sceneStore(), readOnly: false, namespace: null, noColor: true, clock: () => NOW, refreshProfiles: () => {} }));
    await waitForInputsReady();
    await press(app, 'p');
    assert.match(app.lastFrame() ?? '', /Profiles \[3\]/);
    await press(app, 'esc');
    assert.match(app.lastFrame() ?? '', /Namespaces \[5\]/);
  });

  test('the "updated" age follows the App clock', async (t) => {
    // The App re-reads its clock once a second; fake intervals make that second pass at once.
    t.mock.timers.enable({ apis: ['setInterval'] });
    let now = NOW;
    const app = render(createElement(AppContainer, { store: sceneStore(), readOnly: false, namespace: null, noColor: true, clock: () => now, refreshProfiles: () => {} }));
    await waitForInputsReady();
    now += 60_000;
    assert.doesNotMatch(app.lastFrame() ?? '', /updated 1m ago/, 'not before the tick');
    t.mock.timers.tick(1000);
    await waitForFrame({ frame: () => app.lastFrame() ?? '' }, (f) => f.includes('updated 1m ago'));
  });
});

// ---- whole App at a chosen terminal size (the custom harness) ----

describe('app at a chosen terminal size', () => {
  test('with a wide terminal the current profile, the reason and the Fargate size show too', async () => {
    tui = await renderApp({ namespace: 'default' }, { columns: 160 });
    const frame = tui.frame();
    assert.match(frame, /CURRENT.*REASON.*SIZE/);
    assert.match(lineWith(frame, 'web-1'), /Fargate\s+fp-default\s+fp-default\s+ok.*0\.25vCPU 0\.5GB/);
  });
});
