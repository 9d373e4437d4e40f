// One wording per fact: the faces (report/, cli/, ui/) take these words from view-model/words/
// instead of writing them again, so a change of wording reaches every face at once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FACES = ['source/report', 'source/cli', 'source/ui'];

/** Code lines of the faces' files (comments are free to quote a word). */
function faceLines(): { where: string; line: string }[] {
  const out: { where: string; line: string }[] = [];
  for (const dir of FACES) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!/^\s*(\/\/|\/?\*)/.test(line)) out.push({ where: `${relative(ROOT, file)}:${i + 1}`, line });
        });
    }
  }
  return out;
}

describe('words written once, in view-model/words', () => {
  const lines = faceLines();
  const cases = [
    { rule: "an empty cell is words/pod.ts's NONE, not a '<none>' literal", pattern: /<none>/ },
    { rule: "no pod blocking the upgrade is words/upgrade.ts's nothingBlocksText / noneBlockingIn", pattern: /nothing blocks the upgrade|blocks the next upgrade\./ },
    { rule: "no pod needing a reschedule is words/reschedule.ts's nothingToRescheduleIn", pattern: /needs? a reschedule(\$\{where\})?\./ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      assert.deepEqual(
        lines.filter((l) => c.pattern.test(l.line)).map((l) => l.where),
        [],
      );
    });
  }
});
