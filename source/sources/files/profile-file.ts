import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Profile, Selector } from '../../domain/types.js';
import { UsageError, UserError, errorText } from '../../errors.js';

// EKS defaults (fargate-domain.md §1.5); the API rejects profiles beyond them.
const MAX_SELECTORS = 5;
const MAX_LABELS = 5;
const RESERVED_PREFIX = 'eks-';

/**
 * Read `--profiles-file`: what-if profiles in any of the shapes people already have —
 * an eksctl ClusterConfig (`fargateProfiles:`), `eksctl get fargateprofile -o yaml|json` (a list),
 * `aws eks describe-fargate-profile` output (`{fargateProfile: {...}}`), a list of those, or
 * `{fargateProfiles: [...]}`. Each profile is validated the way EKS would.
 */
export function readProfilesFile(file: string): Profile[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A flag naming a file that is not there is a usage error (exit 2), like --kubeconfig.
    if (code === 'ENOENT') throw new UsageError(`--profiles-file ${file}: no such file`, 'check the path');
    throw new UserError(`${file}: cannot read: ${errorText(error)}`, { hint: 'check the path and its permissions' });
  }
  return parseProfiles(text, file);
}

/** The parsing half of readProfilesFile, for text already in memory. */
export function parseProfiles(text: string, file: string): Profile[] {
  const fail = (problem: string, hint: string = SHAPES): never => {
    throw new UserError(`${file}: ${problem}`, { hint });
  };
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const values: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) fail(`not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (error) {
      // yaml refuses to expand an alias bomb ("Excessive alias count ..."): say so, naming the file.
      if (/alias/i.test(errorText(error))) {
        fail('its YAML aliases (*name) expand to too many nodes (an alias bomb), so it is not read', 'write the profiles out without repeating aliases');
      }
      throw error;
    }
    if (value !== null && value !== undefined) values.push(value);
  }

  const raws: unknown[] = [];
  const collect = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => collect(item, `${where}[${i}]`));
      return;
    }
    if (!isObject(value)) return void fail(`${where} is not a Fargate profile (expected a mapping)`);
    if ('fargateProfileNames' in value && !('fargateProfiles' in value)) {
      fail('lists only profile names (aws eks list-fargate-profiles); use describe-fargate-profile output', 'e.g. `aws eks describe-fargate-profile --cluster-name C --fargate-profile-name P`');
    }
    if ('fargateProfile' in value) return collect(value.fargateProfile, where);
    if ('fargateProfiles' in value) {
      const list = value.fargateProfiles;
      if (list === null || list === undefined) return;
      if (!Array.isArray(list)) return void fail('fargateProfiles is not a list');
      return collect(list, 'fargateProfiles');
    }
    if (value.kind === 'ClusterConfig') return; // an eksctl config without Fargate profiles
    if ('name' in value || 'fargateProfileName' in value || 'selectors' in value) return void raws.push(value);
    fail(`${where} is not a Fargate profile: expected eksctl fargateProfiles, or describe-fargate-profile output`);
  };
  values.forEach((value) => collect(value, 'document'));

  if (raws.length === 0) fail('contains no Fargate profiles');
  const profiles = raws.map((raw, i) => toProfile(raw as Record<string, unknown>, i, file, fail));
  const seen = new Set<string>();
  for (const profile of profiles) {
    if (seen.has(profile.name)) fail(`profile name ${profile.name} appears twice; profile names must be unique`, 'rename or remove one');
    seen.add(profile.name);
  }
  return profiles;
}

function toProfile(
  raw: Record<string, unknown>,
  index: number,
  file: string,
  fail: (problem: string, hint?: string) => never,
): Profile {
  const name = raw.name ?? raw.fargateProfileName;
  if (typeof name !== 'string' || name.trim() === '') fail(`profile #${index + 1} has no name`, 'give every profile a name');
  const label = `profile ${name as string}`;
  if ((name as string).startsWith(RESERVED_PREFIX)) {
    fail(`${label}: names starting with "${RESERVED_PREFIX}" are reserved by AWS`, 'rename it');
  }

  const rawSelectors = raw.selectors;
  if (!Array.isArray(rawSelectors) || rawSelectors.length === 0) {
    fail(`${label} has no selectors; EKS needs 1 to ${MAX_SELECTORS}`, 'add a selector with a namespace');
  }
  const selectorList = rawSelectors as unknown[];
  if (selectorList.length > MAX_SELECTORS) {
    fail(`${label} has ${selectorList.length} selectors; EKS allows at most ${MAX_SELECTORS}`, 'split them over several profiles');
  }
  const selectors = selectorList.map((s, i): Selector => {
    const where = `${label} selector ${i + 1}`;
    if (!isObject(s)) fail(`${where} is not a mapping`, 'write it as {namespace: NS, labels: {key: value}}');
    const selector = s as Record<string, unknown>;
    const namespace = selector.namespace;
    if (typeof namespace !== 'string' || namespace.trim() === '') fail(`${where} has no namespace; EKS requires one`, 'give every selector a namespace (* and ? wildcards are allowed)');
    const out: Selector = { namespace: namespace as string };
    if (selector.labels !== undefined && selector.labels !== null) {
      if (!isObject(selector.labels)) fail(`${where}: labels must be a mapping of key: value`, 'write them as labels: {key: value}');
      const entries = Object.entries(selector.labels as Record<string, unknown>);
      if (entries.length > MAX_LABELS) {
        fail(`${where} has ${entries.length} label pairs; EKS allows at most ${MAX_LABELS}`, 'split the selector in two');
      }
      const labels: Record<string, string> = {};
      for (const [key, value] of entries) {
        if (value === null || typeof value === 'object') fail(`${where}: label ${key} needs a plain value`, 'quote it as a string');
        labels[key] = String(value);
      }
      if (entries.length > 0) out.labels = labels;
    }
    return out;
  });

  const subnets = Array.isArray(raw.subnets) ? raw.subnets.map(String) : [];
  const role = raw.podExecutionRoleArn ?? raw.podExecutionRoleARN;
  const profile: Profile = {
    name: name as string,
    // A file describes what the user wants to exist: judge it as if EKS had made it ACTIVE.
    status: 'ACTIVE',
    selectors,
    subnets,
    podExecutionRoleArn: typeof role === 'string' && role ? role : null,
    source: 'file',
    file,
  };
  if (isObject(raw.tags)) {
    profile.tags = Object.fromEntries(Object.entries(raw.tags).map(([k, v]) => [k, String(v)]));
  }
  return profile;
}

/** The shapes --profiles-file understands: the fix for a file it cannot read. */
const SHAPES = 'give an eksctl ClusterConfig with fargateProfiles, `eksctl get fargateprofile -o yaml`, or `aws eks describe-fargate-profile` output';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
