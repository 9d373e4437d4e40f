// `kubectl fargate completion bash`, loaded into a real bash: `complete -p` shows it registered,
// and its function, called the way bash calls it (COMP_WORDS split at "=" and ":" as bash's
// COMP_WORDBREAKS split them), fills COMPREPLY from the built CLI's `__complete` against a
// kubeconfig on disk. Needs dist/ (npm run build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { CLI, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'kf-completion-bash-'));
const bin = join(scratch, 'bin');
const kubeconfig = join(scratch, 'kubeconfig');
const script = join(scratch, 'kubectl-fargate.bash');
after(() => rmSync(scratch, { recursive: true, force: true }));

before(async () => {
  // kubectl-fargate on PATH, as npm or krew would put it (running the built CLI on this Node).
  mkdirSync(bin);
  writeFileSync(join(bin, 'kubectl-fargate'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  chmodSync(join(bin, 'kubectl-fargate'), 0o755);
  // Two contexts, one named by ARN (":" is a word break for bash); the server is never asked.
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
users: [{name: u, user: {}}]
contexts:
- {name: "arn:aws:eks:us-east-1:111122223333:cluster/demo", context: {cluster: c, user: u}}
- {name: other, context: {cluster: c, user: u}}
current-context: other
`,
  );
  const printed = await runCli(['completion', 'bash'], process.env);
  assert.equal(printed.code, 0, printed.stderr);
  writeFileSync(script, printed.stdout);
});

/** Runs `body` in a non-interactive bash that sourced the script, with our bin first on PATH. */
function bash(body: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PATH: [bin, process.env.PATH].join(delimiter), KUBECONFIG: kubeconfig };
  return new Promise((resolve) => {
    execFile('bash', ['--norc', '--noprofile', '-c', `source '${script}'\n${body}`], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * COMPREPLY for `line` with the cursor at its end, and the compopt calls made (compopt works only
 * inside a real completion, so a function stands in for it and records them). `words` is
 * COMP_WORDS as bash makes it: the line split at blanks and at "=" and ":", each break a word.
 */
async function complete(line: string, words: string[]): Promise<{ reply: string[]; compopt: string[] }> {
  const quoted = words.map((w) => `'${w.replaceAll("'", `'\\''`)}'`).join(' ');
  const r = await bash(`compopt() { printf '#compopt %s\\n' "$*"; }
COMP_LINE='${line.replaceAll("'", `'\\''`)}'; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}
__kubectl_fargate_complete
printf '%s\\n' "\${COMPREPLY[@]}"`);
  assert.equal(r.stderr, '', 'nothing on stderr');
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\n').filter(Boolean);
  return { reply: lines.filter((l) => !l.startsWith('#compopt ')), compopt: lines.filter((l) => l.startsWith('#compopt ')).map((l) => l.slice(9)) };
}
const tab = async (line: string, words: string[]) => (await complete(line, words)).reply;

describe('bash completion script', () => {
  test('complete -p: registered for kubectl-fargate, falling back to file names', async () => {
    const r = await bash('complete -p kubectl-fargate');
    assert.equal(r.stdout.trim(), 'complete -o default -F __kubectl_fargate_complete kubectl-fargate');
  });

  test('the commands', async () => {
    assert.deepEqual(await tab('kubectl-fargate ', ['kubectl-fargate', '']), ['check', 'reschedule', 'restore', 'profile', 'version', 'completion']);
    assert.deepEqual(await tab('kubectl-fargate re', ['kubectl-fargate', 're']), ['reschedule', 'restore']);
  });

  test('flags and their fixed values', async () => {
    assert.deepEqual(await tab('kubectl-fargate --cont', ['kubectl-fargate', '--cont']), ['--context', '--contexts']);
    assert.deepEqual(await tab('kubectl-fargate -o y', ['kubectl-fargate', '-o', 'y']), ['yaml']);
    assert.deepEqual(await tab('kubectl-fargate reschedule --dry-run=s', ['kubectl-fargate', 'reschedule', '--dry-run', '=', 's']), ['server']);
  });

  test('contexts from the kubeconfig, after a space or "="', async () => {
    const all = ['arn:aws:eks:us-east-1:111122223333:cluster/demo', 'other'];
    assert.deepEqual(await tab('kubectl-fargate --context ', ['kubectl-fargate', '--context', '']), all);
    assert.deepEqual(await tab('kubectl-fargate --context=', ['kubectl-fargate', '--context', '=']), all);
  });

  test('an ARN split at ":" by bash: the reply completes only the part after the last ":"', async () => {
    assert.deepEqual(
      await tab('kubectl-fargate --context=arn:aws:eks', ['kubectl-fargate', '--context', '=', 'arn', ':', 'aws', ':', 'eks']),
      ['eks:us-east-1:111122223333:cluster/demo'],
    );
    assert.deepEqual(await tab('kubectl-fargate --context arn:', ['kubectl-fargate', '--context', 'arn', ':']), ['aws:eks:us-east-1:111122223333:cluster/demo']);
  });

  test('quoted words are read unquoted; words that could run something are not evaluated', async () => {
    assert.deepEqual(await tab(`kubectl-fargate --kubeconfig "${kubeconfig}" --context o`, ['kubectl-fargate', '--kubeconfig', `"${kubeconfig}"`, '--context', 'o']), ['other']);
    const marker = join(scratch, 'ran');
    await tab(`kubectl-fargate --kubeconfig $(touch ${marker}) -n `, ['kubectl-fargate', '--kubeconfig', `$(touch ${marker})`, '-n', '']);
    const r = await bash(`test -e '${marker}' && echo ran || echo not`);
    assert.equal(r.stdout.trim(), 'not');
  });

  test('restore FILE: nothing offered and -o default kept, so bash completes file names', async () => {
    assert.deepEqual(await complete('kubectl-fargate restore ', ['kubectl-fargate', 'restore', '']), { reply: [], compopt: [] });
  });

  test('an unreachable cluster: nothing offered, nothing printed, and no file names either', async () => {
    assert.deepEqual(await complete('kubectl-fargate -n ', ['kubectl-fargate', '-n', '']), { reply: [], compopt: ['+o default'] });
  });
});
