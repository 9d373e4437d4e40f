import { addUsd, FARGATE_PRICES, FARGATE_PRICES_DATE, type ResolvedPrices } from '../../domain/fargate-prices.js';
import { NONE } from './pod.js';
import type { Word } from './tones.js';

// The words of Fargate prices, for every face: the USD/H cells, the -o wide footer, the warning.

/** USD per hour to a hundredth of a cent; `<none>` when unknown. */
export const usdWord = (usd: number | null | undefined): Word => ({ text: usd === null || usd === undefined ? NONE : usd.toFixed(4) });

/** Where the rates in use come from: "us-east-1 On-Demand Linux/x86, price table of 2026-09-20". */
export function priceOriginText(prices: ResolvedPrices): string {
  const region = prices.region ?? 'unknown region';
  if (prices.origin === 'file') return `${region} On-Demand Linux/x86, from --price-file`;
  if (prices.origin === 'table') return `${region} On-Demand Linux/x86, price table of ${FARGATE_PRICES_DATE}`;
  return `${region}: prices unknown`;
}

/** The one warning when the cluster's region has no prices: they read <none>, never another region's. */
export function unknownPricesWarning(region: string): string {
  const known = Object.keys(FARGATE_PRICES).join(', ');
  return `no Fargate prices for region ${region} (the price table has ${known}): hourly prices read ${NONE}; give them with --price-file FILE ({region: ${region}, vcpuHour: N, gbHour: N})`;
}

/**
 * The -o wide footer (stderr, like check's summary, so the table stays a table): the hourly total
 * of the pods running on Fargate, its rates, then each namespace and profile that costs something.
 */
export function hourlyTotalsLine(view: {
  prices: ResolvedPrices;
  namespaces: ReadonlyArray<{ name: string; hourlyUsd: number | null }>;
  profiles: ReadonlyArray<{ profile: { name: string }; hourlyUsd: number | null }>;
}): string {
  const total = view.namespaces.reduce<number | null>((sum, n) => addUsd(sum, n.hourlyUsd), 0);
  const head = `Fargate USD/H of running pods: ${usdWord(total).text} (${priceOriginText(view.prices)})`;
  if (total === null || total === 0) return head;
  const parts = (items: ReadonlyArray<{ name: string; hourlyUsd: number | null }>): string =>
    items.filter((i) => i.hourlyUsd !== 0).map((i) => `${i.name} ${usdWord(i.hourlyUsd).text}`).join(', ');
  const byProfile = parts(view.profiles.map((p) => ({ name: p.profile.name, hourlyUsd: p.hourlyUsd })));
  return `${head}; by namespace: ${parts(view.namespaces)}${byProfile ? `; by profile: ${byProfile}` : ''}`;
}
