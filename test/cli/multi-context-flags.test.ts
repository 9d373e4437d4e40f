// --contexts / --all-contexts / --concurrency as parsed (no cluster): kubectl's list grammar, and
// refusals with exit 2 for the forms that cannot mean anything sensible.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../source/cli/flags.js';
import { runManyContexts } from '../../source/cli/multi-context.js';
import { UsageError } from '../../source/errors.js';

describe('--contexts, --all-contexts, --concurrency', () => {
  const cases: Array<{ rule: string; argv: string[]; expect: { contexts: string[]; allContexts: boolean; concurrency: number } }> = [
    { rule: 'a comma-separated list', argv: ['--contexts', 'a,b'], expect: { contexts: ['a', 'b'], allContexts: false, concurrency: 4 } },
    { rule: 'the flag repeats and adds up (kubectl list flags)', argv: ['--contexts=a', '--contexts', 'prod-*'], expect: { contexts: ['a', 'prod-*'], allContexts: false, concurrency: 4 } },
    { rule: '--all-contexts with --concurrency N', argv: ['--all-contexts', '--concurrency', '8'], expect: { contexts: [], allContexts: true, concurrency: 8 } },
    { rule: 'check takes them too', argv: ['check', '--all-contexts', '--concurrency=1'], expect: { contexts: [], allContexts: true, concurrency: 1 } },
    { rule: 'not given: one cluster', argv: [], expect: { contexts: [], allContexts: false, concurrency: 4 } },
  ];
  for (const { rule, argv, expect } of cases) {
    test(rule, () => {
      const o = parseArgs(argv);
      assert.deepEqual({ contexts: o.contexts, allContexts: o.allContexts, concurrency: o.concurrency }, expect);
    });
  }

  const refused: Array<{ rule: string; argv: string[]; message: RegExp }> = [
    { rule: 'reschedule writes to one cluster at a time', argv: ['reschedule', '--all', '-A', '--contexts', 'a,b'], message: /^--contexts is only for reading .*: reschedule changes one cluster at a time$/ },
    { rule: 'restore writes to one cluster at a time', argv: ['restore', '--pending', '--all-contexts'], message: /^--all-contexts is only for reading .*: restore changes one cluster at a time$/ },
    { rule: 'completion is not a read', argv: ['completion', 'bash', '--all-contexts'], message: /only for reading/ },
    { rule: '--contexts with --all-contexts', argv: ['--contexts', 'a', '--all-contexts'], message: /^--contexts and --all-contexts conflict$/ },
    { rule: '--context names one cluster', argv: ['--contexts', 'a', '--context', 'b'], message: /^--contexts conflicts with --context/ },
    { rule: '--cluster names one cluster entry', argv: ['--all-contexts', '--cluster', 'b'], message: /^--all-contexts conflicts with --cluster/ },
    { rule: '--eks-cluster names one EKS cluster', argv: ['--all-contexts', '--eks-cluster', 'demo'], message: /^--all-contexts conflicts with --eks-cluster/ },
    { rule: 'an empty name in the list', argv: ['--contexts', 'a,,b'], message: /^--contexts has an empty name$/ },
    { rule: 'an empty value', argv: ['--contexts='], message: /needs a value/ },
    { rule: '--concurrency 0', argv: ['--all-contexts', '--concurrency', '0'], message: /^invalid --concurrency "0": give a whole number from 1 to 64$/ },
    { rule: '--concurrency -1', argv: ['--all-contexts', '--concurrency=-1'], message: /^invalid --concurrency "-1"/ },
    { rule: '--concurrency 2.5', argv: ['--all-contexts', '--concurrency', '2.5'], message: /^invalid --concurrency "2.5"/ },
    { rule: '--concurrency abc', argv: ['--all-contexts', '--concurrency', 'abc'], message: /^invalid --concurrency "abc"/ },
    { rule: '--concurrency 1000 (more than is sensible)', argv: ['--all-contexts', '--concurrency', '1000'], message: /^invalid --concurrency "1000"/ },
    { rule: '--concurrency alone would be silently unused', argv: ['--concurrency', '2'], message: /^--concurrency applies to --contexts or --all-contexts$/ },
  ];
  for (const { rule, argv, message } of refused) {
    test(`refused with exit 2: ${rule}`, () => {
      assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && message.test(error.message) && !error.oneLine.includes('\n'));
    });
  }

  test('the live view (a terminal, no -o) is refused before any kubeconfig is read', async () => {
    const tty = process.stdout.isTTY;
    const ci = process.env.CI;
    process.stdout.isTTY = true;
    delete process.env.CI;
    try {
      const options = { ...parseArgs(['--all-contexts']), kubeconfig: '/nonexistent/kubeconfig' };
      await assert.rejects(runManyContexts(options), (error: unknown) => error instanceof UsageError && /^the live view shows one cluster/.test(error.message));
    } finally {
      process.stdout.isTTY = tty;
      if (ci !== undefined) process.env.CI = ci;
    }
  });
});
