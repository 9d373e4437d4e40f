import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePrices } from '../../../source/sources/files/price-file.js';
import { UsageError } from '../../../source/errors.js';

const F = 'prices.yaml';
const flat = (r: ReturnType<typeof parsePrices>) => ({ byRegion: Object.fromEntries(r.byRegion), anyRegion: r.anyRegion });

describe('--price-file: the shapes it takes', () => {
  const cases: { rule: string; text: string; want: ReturnType<typeof flat> }[] = [
    { rule: 'one region in YAML', text: 'region: eu-west-1\nvcpuHour: 0.04456\ngbHour: 0.004865\n', want: { byRegion: { 'eu-west-1': { vcpuHour: 0.04456, gbHour: 0.004865 } }, anyRegion: null } },
    { rule: 'one region in flow YAML', text: '{region: eu-west-1, vcpuHour: 0.04456, gbHour: 0.004865}', want: { byRegion: { 'eu-west-1': { vcpuHour: 0.04456, gbHour: 0.004865 } }, anyRegion: null } },
    { rule: 'no region: the figures price whatever region the cluster is in', text: '{"vcpuHour": 0.05, "gbHour": 0.005}', want: { byRegion: {}, anyRegion: { vcpuHour: 0.05, gbHour: 0.005 } } },
    { rule: 'a map of regions (JSON)', text: '{"eu-west-1": {"vcpuHour": 0.1, "gbHour": 0.01}, "ap-southeast-2": {"vcpuHour": 0.2, "gbHour": 0.02}}', want: { byRegion: { 'eu-west-1': { vcpuHour: 0.1, gbHour: 0.01 }, 'ap-southeast-2': { vcpuHour: 0.2, gbHour: 0.02 } }, anyRegion: null } },
    { rule: 'GovCloud names are regions too', text: 'us-gov-west-1: {vcpuHour: 0.1, gbHour: 0.01}\n', want: { byRegion: { 'us-gov-west-1': { vcpuHour: 0.1, gbHour: 0.01 } }, anyRegion: null } },
    { rule: 'zero is a price', text: 'vcpuHour: 0\ngbHour: 0\n', want: { byRegion: {}, anyRegion: { vcpuHour: 0, gbHour: 0 } } },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(flat(parsePrices(c.text, F)), c.want));
});

describe('--price-file: what it refuses (usage, naming the file)', () => {
  const cases: { rule: string; text: string; problem: RegExp }[] = [
    { rule: 'not YAML or JSON', text: 'vcpuHour: [0.1\n', problem: /not valid YAML or JSON/ },
    { rule: 'empty', text: '', problem: /expected a mapping|it is empty/ },
    { rule: 'a list', text: '- vcpuHour: 0.1\n', problem: /expected a mapping/ },
    { rule: 'several documents', text: 'vcpuHour: 0.1\ngbHour: 0.1\n---\nvcpuHour: 0.2\ngbHour: 0.2\n', problem: /several YAML documents/ },
    { rule: 'a negative price', text: 'vcpuHour: -0.1\ngbHour: 0.01\n', problem: /vcpuHour -0\.1 is negative/ },
    { rule: 'a price as text', text: 'vcpuHour: "0.1"\ngbHour: 0.01\n', problem: /vcpuHour "0\.1" is not a number/ },
    { rule: 'not finite', text: 'vcpuHour: .inf\ngbHour: 0.01\n', problem: /vcpuHour Infinity is not a number/ },
    { rule: 'a price missing', text: 'vcpuHour: 0.1\n', problem: /gbHour is missing/ },
    { rule: 'a region that is not one', text: 'region: Ireland\nvcpuHour: 0.1\ngbHour: 0.01\n', problem: /region "Ireland" is not an AWS region name/ },
    { rule: 'a map entry that is not a mapping', text: 'eu-west-1: 0.1\n', problem: /eu-west-1 is not a mapping/ },
    { rule: 'a price missing in a map entry names the region', text: 'eu-west-1: {vcpuHour: 0.1}\n', problem: /eu-west-1\.gbHour is missing/ },
    { rule: 'a mapping of nothing', text: '{}', problem: /names no region/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      assert.throws(() => parsePrices(c.text, F), (error: unknown) => {
        assert.ok(error instanceof UsageError, String(error));
        assert.equal(error.exitCode, 2);
        assert.match(error.oneLine, /^--price-file prices\.yaml: /);
        assert.match(error.oneLine, c.problem);
        assert.doesNotMatch(error.oneLine, /\n/);
        return true;
      });
    });
  }
});
