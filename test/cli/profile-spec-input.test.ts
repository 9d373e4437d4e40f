// The new profile from the command line: --role and --subnets default to what the ACTIVE profiles
// agree on (for a replace, to what the replaced profile uses); when they differ, or there is no
// ACTIVE profile to take a role from, the flag is required and one line says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../source/cli/flags.js';
import { resolveSpec } from '../../source/cli/profile-spec-input.js';
import { checkProfileUsage } from '../../source/cli/profile-usage.js';
import type { Profile } from '../../source/domain/types.js';
import { UsageError } from '../../source/errors.js';
import { profile } from '../helpers/records.js';

const ROLE_A = 'arn:aws:iam::111122223333:role/FargatePodExecRole';
const ROLE_B = 'arn:aws:iam::111122223333:role/OtherRole';
const [S1, S2, S7, S8, S9] = ['subnet-0a1b2c3d', 'subnet-0a1b2c32', 'subnet-0a1b2c37', 'subnet-0a1b2c38', 'subnet-0a1b2c39'];
/** profile() in a real-looking subnet. */
const fp = (name: string, ns: string, status: Profile['status'] = 'ACTIVE', o: Partial<Profile> = {}) => profile(name, ns, status, { subnets: [S1], ...o });

function resolve(argv: string[], profiles: Profile[], replaced?: Profile) {
  const options = parseArgs(['profile', 'create', 'fp-new', ...argv]);
  return resolveSpec('fp-new', checkProfileUsage(options), options, profiles, replaced);
}

describe('profile create: role and subnets', () => {
  test('the ACTIVE profiles agree: their role and subnets are taken, and the line says where from', () => {
    const { spec, sources } = resolve(['--selector', 'apps'], [fp('fp-a', 'a'), fp('fp-b', 'b')]);
    assert.equal(spec.podExecutionRoleArn, ROLE_A);
    assert.deepEqual(spec.subnets, [S1]);
    assert.equal(sources.role, 'as the ACTIVE profiles fp-a and fp-b use');
  });

  test('given flags win over what the profiles agree on', () => {
    const { spec, sources } = resolve(['--selector', 'apps', '--role', ROLE_B, '--subnets', `${S9},${S8}`], [fp('fp-a', 'a')]);
    assert.equal(spec.podExecutionRoleArn, ROLE_B);
    assert.deepEqual(spec.subnets, [S9, S8]);
    assert.deepEqual(sources, { role: '--role', subnets: '--subnets' });
  });

  const required: { rule: string; profiles: Profile[]; argv: string[]; line: RegExp }[] = [
    {
      rule: 'no ACTIVE profile to take the role from: --role is required',
      profiles: [fp('fp-a', 'a', 'CREATING')],
      argv: [],
      line: /^--role is required: there is no ACTIVE profile to take the pod execution role from$/,
    },
    {
      rule: 'the ACTIVE profiles use different roles: --role is required, naming who uses which',
      profiles: [fp('fp-a', 'a'), fp('fp-b', 'b', 'ACTIVE', { podExecutionRoleArn: ROLE_B })],
      argv: [],
      line: /^--role is required: the ACTIVE profiles use different pod execution roles \(.*fp-a.*fp-b.*\)$/,
    },
    {
      rule: 'the ACTIVE profiles use different subnets: --subnets is required',
      profiles: [fp('fp-a', 'a'), fp('fp-b', 'b', 'ACTIVE', { subnets: [S2] })],
      argv: ['--role', ROLE_A],
      line: /^--subnets is required: the ACTIVE profiles use different subnets/,
    },
  ];
  for (const c of required) {
    test(c.rule, () => {
      assert.throws(
        () => resolve(['--selector', 'apps', ...c.argv], c.profiles),
        (e: unknown) => e instanceof UsageError && c.line.test(e.message) && !e.message.includes('\n'),
      );
    });
  }

  test('no subnets anywhere: none sent, EKS uses the cluster\'s private subnets', () => {
    const { spec, sources } = resolve(['--selector', 'apps', '--role', ROLE_A], []);
    assert.deepEqual(spec.subnets, []);
    assert.match(sources.subnets, /^none sent: EKS uses the cluster's private subnets/);
  });

  test('a replace takes the role and subnets of the profile it replaces, even when the others differ', () => {
    const old = fp('fp-old', 'a', 'ACTIVE', { podExecutionRoleArn: ROLE_B, subnets: [S7] });
    const { spec, sources } = resolve(['--selector', 'apps'], [old, fp('fp-b', 'b')], old);
    assert.equal(spec.podExecutionRoleArn, ROLE_B);
    assert.deepEqual(spec.subnets, [S7]);
    assert.deepEqual(sources, { role: 'as fp-old uses', subnets: 'as fp-old uses' });
  });
});
