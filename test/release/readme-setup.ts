// The command lines of README's set-up block (the first `sh` block under "## Set up, run, test"),
// without their `# ...` comments: what a newcomer copies, and what the tests run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const README = join(import.meta.dirname, '..', '..', 'README.md');

export function setupCommands(readme = readFileSync(README, 'utf8')): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Set up, run, test\n'));
  if (!section) throw new Error('README has no "## Set up, run, test" section');
  const block = /^```sh\n([\s\S]*?)^```/m.exec(section);
  if (!block) throw new Error('README\'s "Set up, run, test" has no ```sh block');
  return block[1]!
    .split('\n')
    .map((line) => line.replace(/\s#\s.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
