// A Fargate profile to be created, and the rules EKS holds it to (spec §1.1, §1.5, §5.2): checked
// before anything is sent, so a mistake is one line naming the rule instead of a failed request.
// The text form of a selector, `NS[:key=value,...]`, is read here too: the CLI's --selector and
// the TUI's create form write selectors the same way.
import type { Selector } from './types.js';

/** EKS's defaults (UG-quota, BOTO); the per-cluster profile count is checked by EKS itself. */
export const PROFILE_LIMITS = { profilesPerCluster: 10, selectors: 5, labels: 5, tags: 50, tagKey: 128, tagValue: 256, name: 100 } as const;
/** Names starting with it are reserved for AWS (eksctl's ReservedProfileNamePrefix). */
export const RESERVED_PREFIX = 'eks-';

export interface ProfileSpec {
  name: string;
  selectors: Selector[];
  podExecutionRoleArn: string;
  /** Empty: none sent, EKS picks (the cluster's private subnets). */
  subnets: string[];
  tags: Record<string, string>;
}

/** One broken rule: what is wrong, and what to do. */
export interface SpecProblem {
  problem: string;
  hint: string;
}

const NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;
// Kubernetes names with EKS's wildcards (`*`, `?`) allowed anywhere.
const NAMESPACE = /^[a-z0-9*?][-a-z0-9*?]*$/;
const LABEL_KEY = /^([a-z0-9*?][-a-z0-9.*?]*\/)?[A-Za-z0-9*?][-A-Za-z0-9_.*?]*$/;
const LABEL_VALUE = /^[-A-Za-z0-9_.*?]*$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(.+)$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;

export const SELECTOR_SYNTAX = 'NS[:key=value,...]';

/**
 * `apps`, `apps:tier=web`, `apps:tier=web,track=v2`, `prod-*:app=?eb`: a namespace, then the
 * labels (ANDed) after a colon. Throws a SpecProblem-bearing error on anything else.
 */
export function parseSelectorText(text: string): Selector {
  const fail = (problem: string, hint = `write it as ${SELECTOR_SYNTAX}, e.g. apps:tier=web`): never => {
    throw new SpecError({ problem: `selector "${text}": ${problem}`, hint });
  };
  const colon = text.indexOf(':');
  const namespace = (colon === -1 ? text : text.slice(0, colon)).trim();
  if (namespace === '') fail('it names no namespace (EKS requires one in every selector)');
  if (namespace.includes('=')) fail('a namespace comes first', `write it as ${SELECTOR_SYNTAX}, e.g. ${namespace.split('=')[0] || 'apps'}:${namespace}`);
  if (!NAMESPACE.test(namespace) || namespace.length > 63) fail(`"${namespace}" is not a namespace name (lower-case letters, digits and -, with * and ? wildcards)`);
  if (colon === -1) return { namespace };
  const labels: Record<string, string> = {};
  for (const pair of text.slice(colon + 1).split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(`"${pair}" is not a label key=value`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!LABEL_KEY.test(key) || key.length > 317) fail(`"${key}" is not a label key`);
    if (!LABEL_VALUE.test(value) || value.length > 63) fail(`"${value}" is not a label value (letters, digits, -, _ and ., with * and ? wildcards)`);
    if (key in labels) fail(`label ${key} is given twice`);
    labels[key] = value;
  }
  return Object.keys(labels).length === 0 ? { namespace } : { namespace, labels };
}

/** The text form again (the TUI prefills the create form with it). */
export function selectorText(selector: Selector): string {
  const labels = Object.entries(selector.labels ?? {});
  return labels.length === 0 ? selector.namespace : `${selector.namespace}:${labels.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/** Carries a SpecProblem through a throw (parseSelectorText). */
export class SpecError extends Error {
  constructor(readonly detail: SpecProblem) {
    super(detail.problem);
  }
}

/** Every rule a profile breaks, in the order they are worth fixing; [] when EKS would take it. */
export function specProblems(spec: ProfileSpec): SpecProblem[] {
  const out: SpecProblem[] = [];
  const add = (problem: string, hint: string): void => void out.push({ problem, hint });
  const { name } = spec;
  if (!NAME.test(name) || name.length > PROFILE_LIMITS.name) {
    add(`invalid profile name "${name}"`, `start with a letter or digit; then letters, digits, - and _ (at most ${PROFILE_LIMITS.name})`);
  }
  if (name.startsWith(RESERVED_PREFIX)) add(`profile names starting with "${RESERVED_PREFIX}" are reserved by AWS`, 'pick another name');
  if (spec.selectors.length === 0) add('a profile needs at least one selector', `pass --selector ${SELECTOR_SYNTAX}`);
  if (spec.selectors.length > PROFILE_LIMITS.selectors) {
    add(`${spec.selectors.length} selectors; EKS allows at most ${PROFILE_LIMITS.selectors} per profile`, 'split them over several profiles');
  }
  for (const [i, s] of spec.selectors.entries()) {
    const n = Object.keys(s.labels ?? {}).length;
    if (n > PROFILE_LIMITS.labels) add(`selector ${i + 1} has ${n} label pairs; EKS allows at most ${PROFILE_LIMITS.labels}`, 'split the selector in two');
  }
  const seen = new Set<string>();
  for (const s of spec.selectors) {
    const key = selectorText(s);
    if (seen.has(key)) add(`selector ${key} is given twice`, 'drop one');
    seen.add(key);
  }
  const role = ROLE_ARN.exec(spec.podExecutionRoleArn);
  if (role === null) {
    add(`"${spec.podExecutionRoleArn}" is not an IAM role ARN`, 'give the pod execution role as arn:aws:iam::ACCOUNT:role/NAME');
  } else if (role[1]!.includes('/')) {
    // UG-gs: the pod execution role's ARN may not carry an IAM path other than `/`.
    add(`the pod execution role ${spec.podExecutionRoleArn} has an IAM path; Fargate takes only roles with the path /`, 'use a role created without --path');
  }
  for (const subnet of spec.subnets) {
    if (!SUBNET_ID.test(subnet)) add(`"${subnet}" is not a subnet ID`, 'give subnet IDs like subnet-0a1b2c3d4e5f60001, comma-separated');
  }
  const tags = Object.entries(spec.tags);
  if (tags.length > PROFILE_LIMITS.tags) add(`${tags.length} tags; EKS allows at most ${PROFILE_LIMITS.tags}`, 'drop some');
  for (const [key, value] of tags) {
    if (key === '' || key.length > PROFILE_LIMITS.tagKey) add(`tag key "${key}" must be 1 to ${PROFILE_LIMITS.tagKey} characters`, 'shorten it');
    if (value.length > PROFILE_LIMITS.tagValue) add(`tag ${key}'s value is longer than ${PROFILE_LIMITS.tagValue} characters`, 'shorten it');
    if (key.toLowerCase().startsWith('aws:')) add(`tag key "${key}": the aws: prefix is reserved for AWS`, 'pick another key');
  }
  return out;
}
