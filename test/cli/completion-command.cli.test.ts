// `kubectl fargate completion SHELL` and the hidden `__complete`, run as the built CLI (dist/):
// bad input is one line and exit 2; a completion request never prints an error or fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

const env = { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' };

describe('kubectl fargate completion', () => {
  const refused: { rule: string; args: string[]; stderr: RegExp }[] = [
    { rule: 'no shell', args: ['completion'], stderr: /^error: completion needs a shell; e\.g\. kubectl fargate completion bash \(bash, zsh, fish or powershell\)\n$/ },
    { rule: 'an unknown shell', args: ['completion', 'tcsh'], stderr: /^error: unsupported shell "tcsh"; use bash, zsh, fish or powershell\n$/ },
    { rule: 'a second argument', args: ['completion', 'bash', 'zsh'], stderr: /^error: unexpected argument "zsh"; completion takes one shell\n$/ },
    { rule: 'a flag of another command', args: ['completion', 'bash', '--dry-run'], stderr: /^error: --dry-run is only valid with: reschedule, restore/ },
  ];
  for (const { rule, args, stderr } of refused) {
    test(`refused with exit 2: ${rule}`, async () => {
      const r = await runCli(args, env);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, stderr);
    });
  }

  for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
    test(`${shell}: a script for kubectl-fargate that asks __complete`, async () => {
      const r = await runCli(['completion', shell], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /kubectl-fargate/);
      assert.match(r.stdout, /__complete/);
    });
  }

  test('--help lists the command', async () => {
    const r = await runCli(['--help'], env);
    assert.match(r.stdout, /^ {2}kubectl fargate completion SHELL +shell completion script: bash, zsh, fish, powershell$/m);
  });
});

describe('__complete (hidden)', () => {
  test('nothing to offer (words that do not parse, free-form values, no arguments): the directive alone, exit 0, nothing on stderr', async () => {
    for (const words of [['--bogus', ''], ['-Z'], ['reschedule', '--timeout', ''], ['check', '']]) {
      const r = await runCli(['__complete', ...words], env);
      assert.deepEqual(r, { code: 0, stdout: ':4\n', stderr: '' }, words.join(' '));
    }
  });

  test('__completeNoDesc leaves the descriptions out', async () => {
    const r = await runCli(['__completeNoDesc', 'chec'], env);
    assert.equal(r.stdout, 'check\n:4\n');
    const described = await runCli(['__complete', 'chec'], env);
    assert.equal(described.stdout, 'check\tlist pods needing reschedule or blocked; exit 1 if any\n:4\n');
  });
});
