// The terminal's clipboard through OSC 52: works over ssh and inside tmux (with
// `set -g set-clipboard on`), needs no clipboard program, and prints nothing visible.

/** The escape sequence that puts `text` on the clipboard; inside tmux it is passed through to the outer terminal. */
export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const sequence = `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
  return env.TMUX ? `\u001bPtmux;${sequence.replaceAll('\u001b', '\u001b\u001b')}\u001b\\` : sequence;
}
