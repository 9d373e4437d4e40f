// `c` copies through OSC 52: the text base64-encoded in the escape sequence, and wrapped for
// tmux (which passes it on to the outer terminal) when inside tmux.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { osc52 } from '../../source/lib/osc52.js';

const cases = [
  { rule: 'a plain terminal gets the sequence itself', env: {}, expected: '\u001b]52;c;dGVzdC0xIOKckw==\u0007' },
  { rule: 'inside tmux it is wrapped in a passthrough, its ESCs doubled', env: { TMUX: '/tmp/tmux-1/default,1,0' }, expected: '\u001bPtmux;\u001b\u001b]52;c;dGVzdC0xIOKckw==\u0007\u001b\\' },
];
for (const c of cases) test(c.rule, () => assert.equal(osc52('test-1 ✓', c.env), c.expected));
