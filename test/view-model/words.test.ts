// The words of each fact: one case per decision of what a fact reads as (every face shows these).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Placement } from '../../source/domain/types.js';
import { awsWord, connectionWord } from '../../source/view-model/words/cluster.js';
import { currentProfileWord, expectedProfileWord, ownerWord, priceWord, reasonWord, runsOnWord, sizeWord, verdictWord } from '../../source/view-model/words/pod.js';
import { destinationText, manifestSourceText, methodWord, moveText, outcomeWord, planTitle, whereText } from '../../source/view-model/words/reschedule.js';

const placement = (o: Partial<Placement>): Placement => ({
  runsOn: 'ec2',
  currentProfile: null,
  expectedProfile: null,
  matchingProfiles: [],
  needsReschedule: false,
  blockers: [],
  reasons: ['first', 'the conclusion'],
  verdict: 'ok',
  size: null,
  pinnedProfile: null,
  ...o,
});
const NONE_PROPOSED: ReadonlySet<string> = new Set();

describe('pod facts', () => {
  const cases = [
    { rule: 'no profile would take it: EC2', word: expectedProfileWord(placement({}), NONE_PROPOSED), text: 'EC2' },
    { rule: 'a completed pod that no profile takes reads EC2 too (it used to be "-" in the TUI)', word: expectedProfileWord(placement({ verdict: 'completed' }), NONE_PROPOSED), text: 'EC2' },
    { rule: 'profiles unknown: ?', word: expectedProfileWord(placement({ matchingProfiles: null, verdict: 'unknown' }), NONE_PROPOSED), text: '?' },
    { rule: 'a --profiles-file proposal: name*, in the proposal colour', word: expectedProfileWord(placement({ expectedProfile: 'fp-new', matchingProfiles: ['fp-new'] }), new Set(['fp-new'])), text: 'fp-new*', tone: 'proposed' },
    { rule: 'a live profile: its name', word: expectedProfileWord(placement({ expectedProfile: 'fp-a', matchingProfiles: ['fp-a'] }), NONE_PROPOSED), text: 'fp-a' },
    { rule: 'no current profile: <none>, as kubectl prints an empty cell', word: currentProfileWord(placement({})), text: '<none>' },
    { rule: 'the node kind', word: runsOnWord('fargate'), text: 'Fargate' },
    { rule: 'the verdict as --json spells it, in its colour', word: verdictWord('unknown'), text: 'unknown', tone: 'verdict.unknown' },
    { rule: 'the reason is the last one, in the secondary colour', word: reasonWord(placement({})), text: 'the conclusion', tone: 'text.secondary' },
    { rule: 'no size: <none>', word: sizeWord(null), text: '<none>' },
    { rule: 'the price to a hundredth of a cent', word: priceWord({ vcpu: 0.25, memoryGb: 0.5, label: '0.25vCPU 0.5GB', hourlyUsd: 0.012343, provisioned: null }), text: '0.0123' },
    { rule: 'a bare pod has no owner', word: ownerWord(null), text: '<none>' },
    { rule: 'AWS state', word: awsWord({ state: 'ok', stale: true }), text: 'AWS ok (stale)', tone: 'status.warn' },
    { rule: 'the watches', word: connectionWord({ state: 'error' }), text: 'k8s disconnected', tone: 'status.error' },
  ] as const;
  for (const c of cases) {
    test(c.rule, () => {
      assert.equal(c.word.text, c.text);
      assert.equal(c.word.tone, 'tone' in c ? c.tone : undefined);
    });
  }
});

describe('reschedule facts', () => {
  test('re-create is the method word everywhere (the TUI used to say recreate); --json keeps "recreate"', () => {
    assert.deepEqual((['evict', 'recreate', 'refuse'] as const).map((m) => methodWord(m).text), ['evict', 're-create', 'refused']);
  });

  test('from and to', () => {
    assert.equal(whereText({ runsOn: 'pending', profile: 'fp-a' }), 'Pending (fp-a)');
    assert.equal(destinationText({ runsOn: 'ec2', profile: null }), 'EC2');
    assert.equal(moveText({ runsOn: 'ec2', profile: null }, { runsOn: 'fargate', profile: 'fp-test' }), 'EC2 -> Fargate (fp-test)');
  });

  test('the question: one pod named, several counted, refusals said', () => {
    assert.equal(planTitle([{ key: 'test/a', method: 'recreate' }]), 'Reschedule test/a?');
    assert.equal(planTitle([{ key: 'test/a', method: 'evict' }, { key: 'test/b', method: 'evict' }, { key: 'test/c', method: 'refuse' }]), 'Reschedule 2 pods? (1 refused)');
    assert.equal(planTitle([{ key: 'test/c', method: 'refuse' }]), null);
  });

  test('outcomes keep --json\'s words', () => {
    assert.deepEqual(outcomeWord('interrupted'), { text: 'interrupted', tone: 'status.warn' });
  });

  test('the NOTE of a bare pod', () => {
    assert.equal(manifestSourceText({}), '');
    assert.equal(manifestSourceText({ manifestSource: 'live', lastAppliedDiff: null }), 'from live');
    assert.equal(manifestSourceText({ manifestSource: 'last-applied', lastAppliedDiff: [{ path: 'a', lastApplied: '1', live: '2' }] }), 'from last-applied; last-applied differs (1 field)');
  });
});
