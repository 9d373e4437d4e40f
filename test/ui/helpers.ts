// The whole <App> in a fake terminal of a chosen size: send keys, resize, wait for frames.
//
// Views and components on their own are tested with ink-testing-library (component-harness.tsx),
// and so is the App where the terminal's size does not matter. It cannot do what this harness is
// for: its stdout is fixed at 100 columns and has no `rows` (ink then falls back to the size of
// whatever terminal runs the tests, so the App's body height would differ from run to run), it
// cannot resize (the 80x24 and wide-to-narrow tests), and it has no isTTY, so ink runs it
// non-interactive and ignores resize events.
//
// Ticks go setImmediate -> setTimeout(0) so React 19's scheduler and ink's input effects have run
// before the next key (keys written before useInput subscribes are lost).
import './force-color.js';
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render, type Instance } from 'ink';
import { createElement, type ReactElement } from 'react';
import { AppContainer, type AppProps } from '../../source/ui/app/AppContainer.js';
import { sceneStore, NOW, type SceneOptions } from '../helpers/scene.js';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { waitUntil } from '../helpers/waiting.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  /** performance.now() of each frame write (the benchmark times frames). */
  frameTimes: number[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    // Terminal mode switches (bracketed paste on/off) are not frames.
    if (/^(\u001B\[\?\d+[hl])+$/.test(frame)) return true;
    this.frames.push(frame);
    this.frameTimes.push(performance.now());
    this.emit('frame', frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface Tui {
  /** The last frame, without ANSI codes. */
  frame(): string;
  /** The last frame with ANSI codes (for colour assertions). */
  rawFrame(): string;
  stdin: FakeStdin;
  stdout: FakeStdout;
  resize(columns: number, rows: number): void;
  unmount(): void;
  instance: Instance;
}

export function renderTui(tree: ReactElement, size: { columns?: number; rows?: number } = {}): Tui {
  const stdout = new FakeStdout(size.columns ?? 120, size.rows ?? 30);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    interactive: false,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const raw = () => stdout.frames.at(-1) ?? '';
  return {
    rawFrame: raw,
    frame: () => stripVTControlCharacters(raw()),
    stdin,
    stdout,
    resize(columns, rows) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    unmount: () => instance.unmount(),
    instance,
  };
}

export async function tick(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Wait until ink's input effects are subscribed. */
export async function waitForInputsReady(): Promise<void> {
  await tick();
  await tick();
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  backspace: '\u007F',
  ctrlF: '\u0006',
  ctrlB: '\u0002',
  ctrlR: '\u0012',
} as const;

export type KeyName = keyof typeof KEYS;

/** Send a named key (or raw text) and let the app react. A lone ESC waits for ink's escape flush. */
export async function press(tui: { stdin: { write(data: string): void } }, key: KeyName | (string & {})): Promise<void> {
  const data = key in KEYS ? KEYS[key as KeyName] : key;
  tui.stdin.write(data);
  await tick();
  if (data === KEYS.esc) await new Promise((resolve) => setTimeout(resolve, 60));
  await tick();
}

export async function type(tui: Parameters<typeof press>[0], text: string): Promise<void> {
  for (const char of text) await press(tui, char);
}

/** Wait until the (ANSI-free) frame satisfies `predicate`; fails with the last frame. */
export function waitForFrame(tui: { frame(): string }, predicate: (frame: string) => boolean, timeoutMs = 2000): Promise<string> {
  return waitUntil('a frame that matches', () => (predicate(tui.frame()) ? tui.frame() : null), timeoutMs, { intervalMs: 10, detail: () => `last frame:\n${tui.frame()}` });
}

/** The line of the frame containing `text` (throws if none). */
export function lineWith(frame: string, text: string): string {
  const line = frame.split('\n').find((l) => l.includes(text));
  if (line === undefined) throw new Error(`no line with "${text}" in:\n${frame}`);
  return line;
}

/** The selected row: the one rendered in inverse video. */
export function selectedLine(tui: Tui): string {
  const lines = tui.rawFrame().split('\n');
  const line = lines.find((l) => l.includes('\u001B[7m'));
  return line === undefined ? '' : stripVTControlCharacters(line);
}

// ---- the App over the fixture store ----


export interface AppHarness extends Tui {
  store: ClusterStore;
  refreshes: number;
  quits: number;
  rescheduled: string[][];
}

/** Render <AppContainer> over a fixture store (or the given one), ready for key presses. */
export async function renderApp(
  props: Partial<Omit<AppProps, 'store'>> & { store?: ClusterStore } = {},
  options: SceneOptions & { columns?: number; rows?: number } = {},
): Promise<AppHarness> {
  const store = props.store ?? sceneStore(options);
  const harness = { refreshes: 0, quits: 0, rescheduled: [] as string[][] };
  const tui = renderTui(
    createElement(AppContainer, {
      store,
      readOnly: false,
      namespace: null,
      noColor: false,
      clock: () => NOW,
      refreshProfiles: () => void harness.refreshes++,
      onQuit: () => void harness.quits++,
      ...props,
    }),
    { columns: options.columns, rows: options.rows },
  );
  await waitForInputsReady();
  return Object.assign(harness, tui, { store });
}
