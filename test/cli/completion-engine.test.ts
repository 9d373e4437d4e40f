// What `__complete` offers for each kind of word, read with the CLI's own grammar. The values
// from outside (kubeconfig, cluster, EKS, ~/.aws) come from a fixed source here; the real one is
// tested against the simulator in completion-values.sim.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Directive, complete, type TypedSoFar, type ValueSource } from '../../source/cli/completion-engine.js';
import { COMMANDS, FLAGS } from '../../source/cli/flags.js';

const asked: { what: string; typed: TypedSoFar }[] = [];
const source: ValueSource = {
  contexts: async (typed) => (asked.push({ what: 'contexts', typed }), ['arn:aws:eks:us-east-1:111122223333:cluster/demo', 'kind-dev']),
  clusters: async (typed) => (asked.push({ what: 'clusters', typed }), ['demo-cluster']),
  namespaces: async (typed) => (asked.push({ what: 'namespaces', typed }), ['default', 'kube-system', 'kube-public', 'test']),
  pods: async (typed) => (asked.push({ what: 'pods', typed }), ['web-1', 'web-2', 'db-0']),
  fargateProfiles: async (typed) => (asked.push({ what: 'fargateProfiles', typed }), ['fp-default']),
  awsProfiles: async (typed) => (asked.push({ what: 'awsProfiles', typed }), ['default', 'prod']),
  manifestSources: async () => ['live', 'last-applied'],
};

const values = async (...words: string[]) => (await complete(words, source)).candidates.map((c) => c.value);

describe('__complete: what is offered', () => {
  const cases: { rule: string; words: string[]; expected: string[]; directive?: number }[] = [
    { rule: 'the first word: every command', words: [''], expected: [...COMMANDS] },
    { rule: 'a command prefix', words: ['re'], expected: ['reschedule', 'restore'] },
    { rule: 'flags after a value flag still leave the command to type', words: ['-n', 'test', 'ch'], expected: ['check'] },
    { rule: 'long flags by prefix', words: ['--na'], expected: ['--namespace'] },
    { rule: 'a single dash: long and short forms', words: ['-'], expected: FLAGS.filter((d) => !d.commands || d.commands.includes('view')).flatMap((d) => [`--${d.name}`, ...(d.short ? [`-${d.short}`] : [])]) },
    { rule: 'a flag given once is not offered again', words: ['--kubeconfig', 'x', '--kubec'], expected: [] },
    { rule: 'a repeatable flag is offered again', words: ['--profiles-file', 'a.json', '--profiles'], expected: ['--profiles-file'] },
    { rule: 'command-only flags: --dry-run for reschedule', words: ['reschedule', '--dry'], expected: ['--dry-run'] },
    { rule: 'command-only flags: --dry-run for the live view too (its profile keys preview)', words: ['--dry'], expected: ['--dry-run'] },
    { rule: 'command-only flags: not for check', words: ['check', '--dry'], expected: [] },
    { rule: '-o values (kubectl output formats)', words: ['-o', ''], expected: ['json', 'yaml', 'wide', 'table', 'name'] },
    { rule: '-o value by prefix', words: ['--output', 'y'], expected: ['yaml'] },
    { rule: '--output=VALUE: the values alone (the shell completes after "=")', words: ['--output=j'], expected: ['json'] },
    { rule: '-oVALUE (pflag shorthand with the value attached): whole words', words: ['-oj'], expected: ['-ojson'] },
    { rule: '-o=VALUE', words: ['-o=w'], expected: ['wide'] },
    { rule: '--dry-run takes its mode only after "="', words: ['reschedule', '--dry-run='], expected: ['none', 'client', 'server'] },
    { rule: '--dry-run without "=" takes no value: the next word is an argument', words: ['reschedule', '--dry-run', 'web'], expected: ['web-1', 'web-2'] },
    { rule: '--from values', words: ['reschedule', '--from', ''], expected: ['live', 'last-applied'] },
    { rule: '--color values', words: ['--color='], expected: ['auto', 'always', 'never'] },
    { rule: 'booleans with "=": true or false', words: ['--no-headers='], expected: ['true', 'false'] },
    { rule: 'contexts, ARNs included', words: ['--context', 'arn'], expected: ['arn:aws:eks:us-east-1:111122223333:cluster/demo'] },
    { rule: '--context=VALUE', words: ['--context=k'], expected: ['kind-dev'] },
    { rule: '--cluster: the kubeconfig cluster entries', words: ['--cluster', ''], expected: ['demo-cluster'] },
    { rule: 'namespaces after -n', words: ['-n', 'kube'], expected: ['kube-system', 'kube-public'] },
    { rule: 'namespaces after a boolean group ending in -n (-An is -A -n)', words: ['-An', 't'], expected: ['test'] },
    { rule: '-nVALUE: whole words', words: ['-nkube-s'], expected: ['-nkube-system'] },
    { rule: '--profile: AWS profiles', words: ['--profile', 'p'], expected: ['prod'] },
    { rule: 'reschedule POD: pod names', words: ['reschedule', '-n', 'test', ''], expected: ['web-1', 'web-2', 'db-0'] },
    { rule: 'reschedule: names already typed are not offered again', words: ['reschedule', 'web-1', 'web'], expected: ['web-2'] },
    { rule: 'reschedule -A: pod names need one namespace, none offered', words: ['reschedule', '-A', ''], expected: [] },
    { rule: 'reschedule --all takes no names', words: ['reschedule', '--all', ''], expected: [] },
    { rule: 'after --, every word is an argument', words: ['reschedule', '--', '-'], expected: [] },
    { rule: 'completion SHELL', words: ['completion', ''], expected: ['bash', 'zsh', 'fish', 'powershell'] },
    { rule: 'completion takes one shell', words: ['completion', 'bash', ''], expected: [] },
    { rule: 'check takes no argument', words: ['check', ''], expected: [] },
    { rule: 'an unknown command: nothing', words: ['bogus', ''], expected: [] },
    { rule: 'after an unknown flag: nothing (the line will not parse)', words: ['--bogus', ''], expected: [] },
    { rule: 'an unknown shorthand: nothing', words: ['-Z'], expected: [] },
    { rule: 'a boolean group is complete as typed', words: ['-Ay'], expected: ['-Ay'] },
  ];
  for (const { rule, words, expected } of cases) {
    test(rule, async () => {
      assert.deepEqual(await values(...words), expected);
    });
  }
});

describe('__complete: directives and what the value source is told', () => {
  test('file arguments and file flags are left to the shell (directive 0, no candidates)', async () => {
    for (const words of [['restore', ''], ['--kubeconfig', ''], ['--profiles-file='], ['--price-file', ''], ['reschedule', '--backup-dir', '']]) {
      assert.deepEqual(await complete(words, source), { candidates: [], directive: Directive.default }, words.join(' '));
    }
  });

  test('everything else says: no file names', async () => {
    for (const words of [[''], ['-n', ''], ['--selector', ''], ['check', '']]) {
      assert.equal((await complete(words, source)).directive, Directive.noFileComp, words.join(' '));
    }
  });

  test('flags carry their --help text as the description', async () => {
    const [namespace] = (await complete(['--namesp'], source)).candidates;
    assert.deepEqual(namespace, { value: '--namespace', description: 'only this namespace' });
    const [dryRun] = (await complete(['reschedule', '--dry-r'], source)).candidates;
    assert.match(dryRun!.description!, /^client \(bare --dry-run\): print the plan .* none: a real run$/, 'continued help lines are joined');
    const reschedule = (await complete(['resc'], source)).candidates[0];
    assert.equal(reschedule?.description, 'evict or re-create pods so Fargate profiles apply');
  });

  test('every flag and command has a description', async () => {
    const all = [...(await complete(['-'], source)).candidates, ...(await complete(['reschedule', '--'], source)).candidates, ...(await complete(['restore', '--'], source)).candidates, ...(await complete([''], source)).candidates];
    assert.deepEqual(all.filter((c) => !c.description).map((c) => c.value), []);
  });

  test('the value source sees the flags typed before the word: kubeconfig, context, namespace', async () => {
    asked.length = 0;
    await complete(['--kubeconfig', '/k', '--context=dev', 'reschedule', '-n', 'test', 'web-1', ''], source);
    const [call] = asked;
    assert.equal(call?.what, 'pods');
    assert.deepEqual(call?.typed.flags.get('kubeconfig'), ['/k']);
    assert.deepEqual(call?.typed.flags.get('context'), ['dev']);
    assert.deepEqual(call?.typed.flags.get('namespace'), ['test']);
    assert.equal(call?.typed.command, 'reschedule');
    assert.deepEqual(call?.typed.args, ['web-1']);
  });

  test('completing a flag name or a fixed value asks nothing from outside', async () => {
    asked.length = 0;
    await complete(['--con'], source);
    await complete(['-o', ''], source);
    await complete([''], source);
    assert.deepEqual(asked, []);
  });
});
