// An older Node than package.json's engines gets one line naming the version needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MINIMUM_NODE, nodeTooOld } from '../../source/cli/node-version.js';

const cases = [
  { rule: 'an older major is refused', version: '20.20.2', refused: true },
  { rule: 'the same major, an older minor, is refused', version: '22.18.0', refused: true },
  { rule: 'the minimum itself runs', version: '22.19.0', refused: false },
  { rule: 'a newer major runs', version: '24.1.0', refused: false },
];
for (const c of cases) {
  test(c.rule, () => {
    const line = nodeTooOld(c.version);
    assert.equal(line !== null, c.refused);
    if (line) {
      assert.match(line, new RegExp(`Node ${MINIMUM_NODE.replace('.', '\\.')} or newer`));
      assert.ok(!line.includes('\n'), 'one line');
    }
  });
}

test("the minimum is package.json's engines", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
  assert.equal(pkg.engines.node, `>=${MINIMUM_NODE}`);
});
