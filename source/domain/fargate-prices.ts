// Fargate Linux/x86 On-Demand prices per region (spec §4.3), and which ones price a cluster.
// Only figures checked against copies of the pricing page are listed: a region missing here is
// priced "unknown" (never at another region's rates) until --price-file gives its figures.

export interface HourlyRates {
  /** USD per vCPU-hour. */
  vcpuHour: number;
  /** USD per GB-hour. */
  gbHour: number;
}

export const FARGATE_PRICES_SOURCE = 'https://aws.amazon.com/fargate/pricing/';
/** When the figures below were last checked against copies of the source page. */
export const FARGATE_PRICES_DATE = '2026-09-20';

/** Linux/x86 On-Demand, by region. */
export const FARGATE_PRICES: Readonly<Record<string, HourlyRates>> = {
  'us-east-1': { vcpuHour: 0.04048, gbHour: 0.004445 },
};

/** Where the prices in use came from. */
export type PriceOrigin = 'table' | 'file' | 'unknown';

export interface ResolvedPrices {
  region: string | null;
  rates: HourlyRates | null;
  origin: PriceOrigin;
}

/**
 * The rates for the cluster's region: a --price-file entry for that region (or its one
 * region-less entry) wins over the table; neither means unknown, not us-east-1's figures.
 */
export function resolvePrices(region: string | null, file: PriceFileRates | null = null): ResolvedPrices {
  const fromFile = file === null ? undefined : (region !== null ? file.byRegion.get(region) : undefined) ?? file.anyRegion ?? undefined;
  if (fromFile !== undefined) return { region, rates: fromFile, origin: 'file' };
  const fromTable = region === null ? undefined : FARGATE_PRICES[region];
  if (fromTable !== undefined) return { region, rates: fromTable, origin: 'table' };
  return { region, rates: null, origin: 'unknown' };
}

/** A price file's content: figures per region, or one set for whatever region the cluster is in. */
export interface PriceFileRates {
  byRegion: ReadonlyMap<string, HourlyRates>;
  anyRegion: HourlyRates | null;
}

/** USD per hour of one Fargate size, to the micro-dollar; null when the rates are unknown. */
export function hourlyPrice(vcpu: number, memoryGb: number, rates: HourlyRates | null): number | null {
  if (rates === null) return null;
  return roundUsd(vcpu * rates.vcpuHour + memoryGb * rates.gbHour);
}

/** Sums of prices drift in binary floating point: keep micro-dollars, as a bill would show. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/** A sum of prices: unknown as soon as one of them is. */
export const addUsd = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : roundUsd(a + b));
