import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { HourlyRates, PriceFileRates } from '../../domain/fargate-prices.js';
import { UsageError, errorText } from '../../errors.js';

const SHAPE = 'write {region: eu-west-1, vcpuHour: 0.04456, gbHour: 0.004865}, or a map of regions to {vcpuHour, gbHour}';
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Read `--price-file`: Fargate Linux/x86 rates in USD per vCPU-hour and GB-hour, as YAML or JSON.
 * `{region, vcpuHour, gbHour}` (region optional: then it prices whatever region the cluster is in)
 * or `{eu-west-1: {vcpuHour, gbHour}, ...}`. Every problem is a usage error naming the file,
 * raised before anything is contacted.
 */
export function readPriceFile(file: string): PriceFileRates {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--price-file ${file}: no such file`, 'check the path');
    throw new UsageError(`--price-file ${file}: cannot read: ${errorText(error)}`, 'check the path and its permissions');
  }
  return parsePrices(text, file);
}

/** The parsing half of readPriceFile. */
export function parsePrices(text: string, file: string): PriceFileRates {
  const fail = (problem: string, hint: string = SHAPE): never => {
    throw new UsageError(`--price-file ${file}: ${problem}`, hint);
  };
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length !== 1) return fail(list.length === 0 ? 'it is empty' : 'it holds several YAML documents; give one');
  const doc = list[0]!;
  if (doc.errors[0]) return fail(`not valid YAML or JSON: ${doc.errors[0].message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(`cannot be read: ${errorText(error)}`);
  }
  if (!isObject(value)) return fail('expected a mapping');

  if ('vcpuHour' in value || 'gbHour' in value) {
    const rates = ratesOf(value, '', fail);
    const { region } = value;
    if (region === undefined || region === null) return { byRegion: new Map(), anyRegion: rates };
    if (typeof region !== 'string' || !REGION.test(region)) return fail(`region ${JSON.stringify(region)} is not an AWS region name`, 'write it as eu-west-1');
    return { byRegion: new Map([[region, rates]]), anyRegion: null };
  }
  const byRegion = new Map<string, HourlyRates>();
  for (const [region, entry] of Object.entries(value)) {
    if (!REGION.test(region)) fail(`${JSON.stringify(region)} is not an AWS region name`);
    if (!isObject(entry)) fail(`${region} is not a mapping of vcpuHour and gbHour`);
    byRegion.set(region, ratesOf(entry as Record<string, unknown>, `${region}.`, fail));
  }
  if (byRegion.size === 0) fail('it names no region');
  return { byRegion, anyRegion: null };
}

function ratesOf(value: Record<string, unknown>, where: string, fail: (problem: string, hint?: string) => never): HourlyRates {
  const figure = (key: 'vcpuHour' | 'gbHour'): number => {
    const v = value[key];
    if (v === undefined) return fail(`${where}${key} is missing`);
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`${where}${key} ${typeof v === 'number' ? String(v) : JSON.stringify(v)} is not a number`, `write USD per ${key === 'vcpuHour' ? 'vCPU-hour' : 'GB-hour'} as a plain number, e.g. ${key}: ${key === 'vcpuHour' ? '0.04048' : '0.004445'}`);
    if (v < 0) return fail(`${where}${key} ${v} is negative`, 'prices are USD per hour, 0 or more');
    return v;
  };
  return { vcpuHour: figure('vcpuHour'), gbHour: figure('gbHour') };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
