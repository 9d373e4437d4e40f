import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../source/cli/flags.js';
import { UsageError } from '../../source/errors.js';
import { wantsTui } from '../../source/cli/run.js';

describe('parseArgs: kubectl-style flags', () => {
  const cases: Array<{ rule: string; argv: string[]; expect: Record<string, unknown> }> = [
    { rule: 'default is all namespaces, the viewer', argv: [], expect: { command: 'view', namespace: null, output: undefined } },
    { rule: '-n selects one namespace', argv: ['-n', 'test'], expect: { namespace: 'test' } },
    { rule: '--namespace=x form', argv: ['--namespace=kube-system'], expect: { namespace: 'kube-system' } },
    { rule: '-A means all namespaces', argv: ['-A'], expect: { namespace: null } },
    { rule: '--json is -o json', argv: ['--json'], expect: { output: 'json' } },
    { rule: '-o wide', argv: ['-o', 'wide'], expect: { output: 'wide' } },
    { rule: '--no-headers', argv: ['--no-headers'], expect: { headers: false } },
    { rule: '--no-aws skips EKS', argv: ['--no-aws'], expect: { aws: false } },
    { rule: '--profiles-file is repeatable', argv: ['--profiles-file', 'a.yaml', '--profiles-file', 'b.json'], expect: { profilesFiles: ['a.yaml', 'b.json'] } },
    { rule: 'check is a command', argv: ['check', '-n', 'x'], expect: { command: 'check', namespace: 'x' } },
    { rule: 'reschedule takes pod names', argv: ['reschedule', '-n', 'test', 'a', 'b', '--yes'], expect: { command: 'reschedule', args: ['a', 'b'], yes: true } },
    { rule: 'AWS overrides', argv: ['--cluster', 'c', '--region', 'eu-west-1', '--profile', 'p'], expect: { cluster: 'c', region: 'eu-west-1', awsProfile: 'p' } },
    { rule: '-l label selector', argv: ['-l', 'app=web'], expect: { selector: 'app=web' } },
    { rule: 'version command', argv: ['version'], expect: { version: true } },
    { rule: 'reschedule --from picks the manifest source', argv: ['reschedule', '-n', 'test', 'a', '--from', 'last-applied'], expect: { from: 'last-applied' } },
    { rule: 'restore --pending', argv: ['restore', '--pending', '--yes'], expect: { command: 'restore', pending: true, args: [] } },
  ];
  for (const { rule, argv, expect } of cases) {
    test(rule, () => {
      const options = parseArgs(argv);
      for (const [key, value] of Object.entries(expect)) assert.deepEqual((options as unknown as Record<string, unknown>)[key], value, key);
    });
  }
});

describe('parseArgs: usage errors are one line with exit code 2', () => {
  const cases: Array<{ rule: string; argv: string[]; message: RegExp }> = [
    { rule: 'unknown long flag', argv: ['--bogus'], message: /unknown flag --bogus/ },
    { rule: 'unknown short flag', argv: ['-z'], message: /unknown flag -z/ },
    { rule: 'bad -o value', argv: ['-o', 'xml'], message: /unsupported output format "xml".*json\|yaml\|wide\|table/ },
    { rule: 'unknown command', argv: ['frobnicate'], message: /unknown command "frobnicate"/ },
    { rule: '-n conflicts with -A', argv: ['-n', 'x', '-A'], message: /conflict/ },
    { rule: '--json conflicts with -o yaml', argv: ['--json', '-o', 'yaml'], message: /conflicts/ },
    { rule: 'bad --color', argv: ['--color', 'pink'], message: /--color must be/ },
    { rule: 'reschedule-only flag on the viewer', argv: ['--yes'], message: /--yes is only valid with/ },
    { rule: 'stray argument to the viewer', argv: ['check', 'extra'], message: /unexpected argument "extra"/ },
    { rule: '--from without its value', argv: ['reschedule', '-n', 'test', 'a', '--from'], message: /--from needs a value/ },
    { rule: '--pending is for restore only', argv: ['reschedule', '--all', '-A', '--pending'], message: /--pending is only valid with: restore/ },
  ];
  for (const { rule, argv, message } of cases) {
    test(rule, () => {
      assert.throws(() => parseArgs(argv), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.exitCode, 2);
        assert.match(error.oneLine, message);
        assert.ok(!error.oneLine.includes('\n'), 'one line');
        return true;
      });
    });
  }
});

describe('wantsTui: the UI only on an interactive terminal', () => {
  const cases = [
    { rule: 'terminal, no -o, no CI -> TUI', tty: true, env: {}, argv: [], tui: true },
    { rule: 'stdout piped -> table', tty: false, env: {}, argv: [], tui: false },
    { rule: 'CI set -> table', tty: true, env: { CI: 'true' }, argv: [], tui: false },
    { rule: 'explicit -o -> no TUI', tty: true, env: {}, argv: ['-o', 'table'], tui: false },
    { rule: 'check never opens the TUI', tty: true, env: {}, argv: ['check'], tui: false },
  ];
  for (const { rule, tty, env, argv, tui } of cases) {
    test(rule, () => assert.equal(wantsTui(parseArgs(argv), tty, env), tui));
  }
});
