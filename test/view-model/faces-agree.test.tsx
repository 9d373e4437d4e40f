// One wording per fact: the same pod, rendered by the CLI table (plain and -o wide) and by the
// TUI's pods view, says the same thing in every column the two share (same header = same fact),
// in the same colour. And a plan reads the same in the CLI's plan table and the TUI's dialog.
import '../ui/force-color.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { planReschedule } from '../../source/actions/plan.js';
import { planTable } from '../../source/cli/reschedule-mode.js';
import { podTable } from '../../source/report/table.js';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { UIStateContext } from '../../source/ui/app/contexts.js';
import { layoutColumns } from '../../source/ui/components/Table.js';
import { planDialog } from '../../source/ui/state/reschedule-plan.js';
import { PodsView, podColumns } from '../../source/ui/views/PodsView.js';
import type { PodView } from '../../source/view-model/cluster-view.js';
import { uiState } from '../ui/component-harness.js';
import { sceneStore as fixtureStore, scenePod as pod } from '../helpers/scene.js';
import { renderTui } from '../ui/helpers.js';

const COLUMNS = 240;
const GUTTER = 2;

/** Each visible character of a line with the SGR codes in force on it (colours, bold, dim, inverse). */
function styledChars(raw: string): { char: string; codes: ReadonlySet<number> }[] {
  const out: { char: string; codes: ReadonlySet<number> }[] = [];
  let active = new Set<number>();
  // What each closing code ends; a new foreground colour ends the one before it.
  const isForeground = (c: number) => (c >= 30 && c <= 37) || (c >= 90 && c <= 97);
  const off: Record<number, (c: number) => boolean> = { 0: () => true, 39: isForeground, 22: (c) => c === 1 || c === 2, 27: (c) => c === 7, 24: (c) => c === 4 };
  for (let i = 0; i < raw.length; ) {
    const sgr = /^\u001B\[([\d;]*)m/.exec(raw.slice(i));
    if (sgr) {
      for (const code of (sgr[1] || '0').split(';').map(Number)) {
        const drop = off[code] ?? (isForeground(code) ? off[39] : undefined);
        active = new Set([...active].filter((c) => !drop?.(c)));
        if (off[code] === undefined) active.add(code);
      }
      i += sgr[0].length;
      continue;
    }
    out.push({ char: raw[i]!, codes: active });
    i++;
  }
  return out;
}

interface Cell {
  text: string;
  /** SGR codes on the cell's first character. */
  codes: ReadonlySet<number>;
}

type Row = Map<string, Cell>;

function cellOf(chars: ReturnType<typeof styledChars>, start: number, end: number): Cell {
  const part = chars.slice(start, end);
  return { text: part.map((c) => c.char).join('').trim(), codes: part[0]?.codes ?? new Set() };
}

/** The CLI table as rows keyed by header: a column starts where its header does. */
function cliRows(rawTable: string): Map<string, Row> {
  const [header, ...lines] = rawTable.trimEnd().split('\n');
  const names = header!.trim().split(/\s+/);
  const starts: number[] = [];
  for (const name of names) starts.push(header!.indexOf(name, (starts.at(-1) ?? -1) + 1));
  const rows = new Map<string, Row>();
  for (const line of lines) {
    const chars = styledChars(line);
    const row: Row = new Map(names.map((name, i) => [name, cellOf(chars, starts[i]!, starts[i + 1] ?? chars.length)]));
    rows.set(`${row.get('NAMESPACE')!.text}/${row.get('NAME')!.text}`, row);
  }
  return rows;
}

/** The TUI's pods view, rendered in a terminal wide enough for every column, as rows keyed by header. */
function tuiRows(store: ClusterStore): { rows: Map<string, Row>; selected: string } {
  const state = uiState({ store, columns: COLUMNS, rows: 40, namespace: null, nav: { stack: [{ kind: 'pods', namespace: null, filter: '' }] } });
  const tui = renderTui(createElement(UIStateContext.Provider, { value: state }, createElement(PodsView, { screen: { kind: 'pods', namespace: null, filter: '' } })), { columns: COLUMNS, rows: 40 });
  try {
    const layout = layoutColumns(podColumns(state.theme, { allNamespaces: true, proposed: state.view.proposed, now: state.now }), COLUMNS);
    const lines = tui.rawFrame().split('\n');
    const header = styledChars(lines[0]!).map((c) => c.char).join('');
    for (const { column } of layout) assert.ok(header.includes(column.header), `every column is on screen: ${column.header} in\n${header}`);
    const rows = new Map<string, Row>();
    let selected = '';
    for (const line of lines.slice(1)) {
      const chars = styledChars(line);
      if (chars.map((c) => c.char).join('').trim() === '') continue;
      const row: Row = new Map();
      let at = GUTTER;
      for (const { column, width } of layout) {
        row.set(column.header, cellOf(chars, at, at + width));
        at += width + 1;
      }
      const key = `${row.get('NAMESPACE')!.text}/${row.get('NAME')!.text}`;
      rows.set(key, row);
      if (chars[GUTTER]?.codes.has(7)) selected = key;
    }
    return { rows, selected };
  } finally {
    tui.unmount();
  }
}

/** A TUI cell cut to its column ends in …: what is shown must start the CLI's text. */
function sameText(tui: string, cli: string): boolean {
  return tui.endsWith('…') ? cli.startsWith(tui.slice(0, -1)) : tui === cli;
}

function assertFacesAgree(store: ClusterStore, pods: readonly string[]): void {
  const snapshot = store.flush();
  const { rows: tui, selected } = tuiRows(store);
  const view = uiState({ store }).view;
  assert.equal(view.snapshotVersion, snapshot.version);
  for (const wide of [false, true]) {
    const cli = cliRows(podTable(view.pods, { wide, headers: true, color: true, showNamespace: true, proposed: view.proposed }));
    for (const key of pods) {
      const cliRow = cli.get(key);
      const tuiRow = tui.get(key);
      assert.ok(cliRow && tuiRow, `${key} is in both faces`);
      const shared = [...tuiRow.keys()].filter((header) => cliRow.has(header));
      assert.ok(shared.length >= (wide ? 9 : 7), `${key}: the faces share the columns ${shared.join(' ')}`);
      for (const header of shared) {
        const t: Cell = tuiRow.get(header)!;
        const c: Cell = cliRow.get(header)!;
        assert.ok(sameText(t.text, c.text), `${key} ${header}${wide ? ' (-o wide)' : ''}: the TUI says "${t.text}", the CLI "${c.text}"`);
        // The selected row is drawn in inverse video instead of its colours.
        if (key !== selected && t.text !== '') {
          assert.deepEqual([...c.codes].sort(), [...t.codes].sort(), `${key} ${header}: the same colour in the TUI and the CLI`);
        }
      }
    }
  }
}

describe('the CLI table and the TUI say the same of a pod', () => {
  test('needing reschedule, on Fargate, blocked, pending, completed, and expected under a --profiles-file proposal', () => {
    const store = fixtureStore({ withFileProfile: true });
    // Completed where no profile selects it: EKS would put it on EC2 (the TUI used to say "-").
    // Added as a list would (replaceAll), so its row is not marked as just changed.
    const cleanup = pod('kube-system', 'cleanup-1', { phase: 'Succeeded', status: 'Completed', ready: false, owner: { kind: 'Job', name: 'cleanup-1' } });
    store.replaceAll('pods', [...store.getSnapshot().pods.values(), cleanup]);
    assertFacesAgree(store, ['test/test', 'default/web-1', 'prod/priv', 'prod/api-0', 'kube-system/coredns-1', 'kube-system/cleanup-1', 'batch/backup-29001', 'batch/worker']);
  });

  test('when the Fargate profiles are unknown', () => {
    const store = fixtureStore();
    store.setLiveProfiles([], { state: 'access-denied', message: 'access denied to eks:ListFargateProfiles', fetchedAt: null, stale: false });
    assertFacesAgree(store, ['test/test', 'default/web-1', 'prod/priv', 'batch/backup-29001']);
  });
});

describe('a plan reads the same in the CLI and the TUI', () => {
  test('method, from and to of each pod in the plan table are the words of the dialog line', () => {
    const view = uiState({ store: fixtureStore({ withFileProfile: true }) }).view;
    const pick = (key: string): PodView => view.pods.find((v) => v.key === key)!;
    const steps = planReschedule([pick('test/test'), pick('batch/worker'), pick('default/web-1')]);
    const table = planTable(steps).split('\n');
    const dialog = planDialog(steps, { width: 200, maxLines: 50 }).lines;
    for (const step of steps) {
      const row = table.find((l) => l.startsWith(`${step.key} `))!;
      const [, method, from, to] = /^\S+\s+(\S+)\s+(.+?)\s{3,}(\S.*?)(\s{3,}|$)/.exec(row) ?? [];
      const line = dialog.find((l) => l.startsWith(`${step.key} `))!;
      assert.match(line, new RegExp(`^${step.key}\\s+${method}\\s`), `${step.key}: method "${method}" in both`);
      if (step.method !== 'refuse') assert.ok(line.endsWith(`${from} -> ${to}`), `${step.key}: "${from} -> ${to}" in the dialog line "${line}"`);
    }
  });
});
