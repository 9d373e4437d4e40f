// Drive a real terminal: the built CLI runs in a detached tmux session; keys go in one per
// send-keys call (tmux may merge a burst into one input chunk), the screen comes back from
// capture-pane. Each session has its own tmux server (its own socket, `-L`): with one shared
// server, killing the last session makes it exit while the next new-session may already be
// connecting to it ("server exited unexpectedly"), and test files run two at a time.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { waitUntil } from '../helpers/waiting.js';

const KEY_GAP_MS = 150;

export const hasTmux = (): boolean => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** tmux key names for the special keys; anything else is sent literally. */
const SPECIAL: Record<string, string> = { enter: 'Enter', esc: 'Escape', tab: 'Tab', up: 'Up', down: 'Down', space: 'Space', backspace: 'BSpace' };

export class TmuxSession {
  readonly name = `kf-e2e-${randomUUID().slice(0, 8)}`;
  private killed = false;

  /** `command` is run by /bin/sh inside the session; `env` is set for it (CI is always unset). */
  constructor(command: string[], env: Record<string, string> = {}, size = { columns: 120, rows: 30 }) {
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
    const line = ['exec', 'env', '-u', 'CI', ...assignments, ...command.map(shellQuote)].join(' ');
    this.tmux(['new-session', '-d', '-s', this.name, '-x', String(size.columns), '-y', String(size.rows), line]);
    // Keep the pane after the program exits so a test can read its last words.
    this.tmux(['set-option', '-t', this.name, 'remain-on-exit', 'on']);
  }

  /** A tmux command against this session's own server. */
  private tmux(args: string[], options: { stdio?: 'ignore' } = {}): string {
    return execFileSync('tmux', ['-L', this.name, ...args], { encoding: 'utf8', ...options }) ?? '';
  }

  /** tmux send-keys as given, e.g. `C-c`, or `-l` and a whole line in one input chunk. */
  sendKeys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /** One key, then a pause so the app sees it as its own input chunk. */
  async press(key: string): Promise<void> {
    const special = SPECIAL[key];
    this.sendKeys(...(special ? [special] : ['-l', key]));
    await sleep(KEY_GAP_MS);
  }

  async type(text: string): Promise<void> {
    for (const char of text) await this.press(char);
  }

  /** The screen as text; with `escapes`, including colours and inverse video. */
  capture(escapes = false): string {
    return this.tmux(['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name]);
  }

  /** The row shown in inverse video (the selection), as plain text. */
  selectedRow(): string {
    const line = this.capture(true)
      .split('\n')
      // tmux writes SGR parameters combined, e.g. ESC[0;7m.
      .find((l) => /\u001B\[(?:\d+;)*7(?:;\d+)*m/.test(l));
    return line === undefined ? '' : stripVTControlCharacters(line);
  }

  /**
   * Press j until the selected row satisfies `isTarget`. Each press waits for the selection to
   * move (a slow frame must not make it press again and overshoot), and the target must still be
   * selected a moment later (rows arriving live can shift the list under the cursor).
   */
  async selectRow(isTarget: (row: string) => boolean, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      const current = this.selectedRow();
      if (isTarget(current)) {
        await sleep(KEY_GAP_MS * 2);
        if (isTarget(this.selectedRow())) return;
        continue;
      }
      await this.press('j');
      // The last row does not move: give up waiting after a while and look again.
      await waitUntil('the selection to move', () => this.selectedRow() !== current, 2000, { intervalMs: 50 }).catch(() => {});
    }
    throw new Error(`no such row. Screen:\n${this.capture()}`);
  }

  waitFor(predicate: (screen: string) => boolean, timeoutMs = 10_000, what = 'screen'): Promise<string> {
    let screen = '';
    return waitUntil(what, () => (predicate((screen = this.capture())) ? screen : null), timeoutMs, { intervalMs: 100, detail: () => `screen:\n${screen}` });
  }

  /** Wait until the program in the pane has exited; fail with the screen. */
  async waitForExit(timeoutMs: number, what = 'the program to exit'): Promise<void> {
    await waitUntil(what, () => this.exited(), timeoutMs, { intervalMs: 100, detail: () => `screen:\n${this.capture()}` });
  }

  /** Whether the program in the pane has exited. */
  exited(): boolean {
    return this.tmux(['display-message', '-p', '-t', this.name, '#{pane_dead}']).trim() === '1';
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    try {
      // The pane's program gets SIGHUP, as when a terminal closes; the server then has no
      // session left and exits.
      this.tmux(['kill-session', '-t', this.name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
