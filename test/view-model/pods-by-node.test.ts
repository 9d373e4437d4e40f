import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodsByNode } from '../../source/view-model/pods-by-node.js';

test('the pods on a node: one (a Fargate node), several (an EC2 node), none once they are gone', () => {
  const index = new PodsByNode();
  index.add('fargate-1', 'a/x');
  index.add('fargate-1', 'a/x');
  index.add('ec2-1', 'a/y');
  index.add('ec2-1', 'b/z');
  assert.deepEqual([...index.keysOn('fargate-1')], ['a/x']);
  assert.deepEqual([...index.keysOn('ec2-1')].sort(), ['a/y', 'b/z']);
  index.delete('fargate-1', 'a/other');
  assert.deepEqual([...index.keysOn('fargate-1')], ['a/x'], 'another pod leaving does not drop this one');
  index.delete('fargate-1', 'a/x');
  index.delete('ec2-1', 'a/y');
  assert.deepEqual([...index.keysOn('fargate-1')], []);
  assert.deepEqual([...index.keysOn('ec2-1')], ['b/z']);
  assert.deepEqual([...index.keysOn('unknown')], []);
});
