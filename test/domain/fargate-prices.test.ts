import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addUsd, FARGATE_PRICES, hourlyPrice, resolvePrices, type PriceFileRates } from '../../source/domain/fargate-prices.js';

const EU = { vcpuHour: 0.1, gbHour: 0.01 };
const ANY = { vcpuHour: 0.2, gbHour: 0.02 };
const US = FARGATE_PRICES['us-east-1']!;
const file = (byRegion: Record<string, typeof EU>, anyRegion: typeof EU | null = null): PriceFileRates => ({ byRegion: new Map(Object.entries(byRegion)), anyRegion });

describe('resolvePrices: which rates price the cluster', () => {
  const cases: { rule: string; region: string | null; file?: PriceFileRates; want: ReturnType<typeof resolvePrices> }[] = [
    { rule: 'a region in the table takes its figures (us-east-1: $0.04048 per vCPU-hour, $0.004445 per GB-hour)', region: 'us-east-1', want: { region: 'us-east-1', rates: { vcpuHour: 0.04048, gbHour: 0.004445 }, origin: 'table' } },
    { rule: 'a region not in the table is unknown, never priced at us-east-1 rates', region: 'eu-west-1', want: { region: 'eu-west-1', rates: null, origin: 'unknown' } },
    { rule: 'an unknown region (identity not inferred) is unknown', region: null, want: { region: null, rates: null, origin: 'unknown' } },
    { rule: "the price file's entry for the region wins over the table", region: 'us-east-1', file: file({ 'us-east-1': EU }), want: { region: 'us-east-1', rates: EU, origin: 'file' } },
    { rule: 'the price file gives a region the table lacks', region: 'eu-west-1', file: file({ 'eu-west-1': EU }), want: { region: 'eu-west-1', rates: EU, origin: 'file' } },
    { rule: "a price file for another region leaves the cluster's region to the table", region: 'us-east-1', file: file({ 'eu-west-1': EU }), want: { region: 'us-east-1', rates: US, origin: 'table' } },
    { rule: 'a price file for another region does not price an unknown one', region: 'ap-south-1', file: file({ 'eu-west-1': EU }), want: { region: 'ap-south-1', rates: null, origin: 'unknown' } },
    { rule: 'region-less figures price whatever region the cluster is in', region: 'ap-south-1', file: file({}, ANY), want: { region: 'ap-south-1', rates: ANY, origin: 'file' } },
    { rule: 'region-less figures price a cluster whose region is unknown', region: null, file: file({}, ANY), want: { region: null, rates: ANY, origin: 'file' } },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(resolvePrices(c.region, c.file ?? null), c.want));
});

describe('hourlyPrice and sums', () => {
  const cases: { rule: string; vcpu: number; gb: number; rates: typeof EU | null; want: number | null }[] = [
    { rule: 'smallest size at us-east-1: 0.25 x 0.04048 + 0.5 x 0.004445', vcpu: 0.25, gb: 0.5, rates: US, want: 0.012343 },
    { rule: '1vCPU 3GB at us-east-1: 0.04048 + 3 x 0.004445', vcpu: 1, gb: 3, rates: US, want: 0.053815 },
    { rule: '16vCPU 120GB at us-east-1', vcpu: 16, gb: 120, rates: US, want: 1.18108 },
    { rule: 'other rates are used as given', vcpu: 2, gb: 5, rates: EU, want: 0.25 },
    { rule: 'unknown rates give an unknown price', vcpu: 1, gb: 2, rates: null, want: null },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(hourlyPrice(c.vcpu, c.gb, c.rates), c.want));

  test('a sum is unknown as soon as one price is', () => {
    assert.equal(addUsd(0.1, null), null);
    assert.equal(addUsd(null, 0), null);
    assert.equal(addUsd(0.1, 0.2), 0.3); // not 0.30000000000000004
  });

  test('sums of known prices stay within a micro-dollar of the exact sum, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 200 }), (micros) => {
        const sum = micros.reduce<number | null>((s, m) => addUsd(s, m / 1e6), 0);
        const exact = micros.reduce((s, m) => s + m, 0);
        return sum !== null && Math.abs(sum * 1e6 - exact) < 0.5;
      }),
    );
  });
});
