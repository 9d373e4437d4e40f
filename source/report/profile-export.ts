// Fargate profiles in the forms teams keep in git: an eksctl ClusterConfig (`fargateProfiles`),
// Terraform `aws_eks_fargate_profile` resources, a CloudFormation template of
// `AWS::EKS::FargateProfile`, or the CreateFargateProfile request (`aws eks
// create-fargate-profile --cli-input-json`). Pure: profiles in, text out.
import { stringify } from 'yaml';
import type { Profile } from '../domain/types.js';

export const EXPORT_FORMATS = ['eksctl', 'terraform', 'cloudformation', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCluster {
  name: string;
  region: string | null;
}

export function exportProfiles(profiles: readonly Profile[], format: ExportFormat, cluster: ExportCluster): string {
  switch (format) {
    case 'eksctl':
      return eksctlConfig(profiles, cluster);
    case 'terraform':
      return terraform(profiles, cluster);
    case 'cloudformation':
      return cloudFormation(profiles, cluster);
    case 'json':
      return createRequests(profiles, cluster);
  }
}

const labelsOf = (s: Profile['selectors'][number]): [string, string][] => Object.entries(s.labels ?? {});
const tagsOf = (p: Profile): [string, string][] => Object.entries(p.tags ?? {});

/** eksctl's ClusterConfig (apiVersion eksctl.io/v1alpha5), keys as eksctl spells them (podExecutionRoleARN). */
function eksctlConfig(profiles: readonly Profile[], cluster: ExportCluster): string {
  const doc = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: cluster.name, ...(cluster.region ? { region: cluster.region } : {}) },
    fargateProfiles: profiles.map((p) => ({
      name: p.name,
      ...(p.podExecutionRoleArn ? { podExecutionRoleARN: p.podExecutionRoleArn } : {}),
      selectors: p.selectors.map((s) => (labelsOf(s).length > 0 ? { namespace: s.namespace, labels: { ...s.labels } } : { namespace: s.namespace })),
      ...(p.subnets.length > 0 ? { subnets: [...p.subnets] } : {}),
      ...(tagsOf(p).length > 0 ? { tags: { ...p.tags } } : {}),
    })),
  };
  return stringify(doc);
}

/** The CreateFargateProfile body of each: one object for one profile (what --cli-input-json takes), else a list. */
function createRequests(profiles: readonly Profile[], cluster: ExportCluster): string {
  const bodies = profiles.map((p) => ({
    fargateProfileName: p.name,
    clusterName: cluster.name,
    ...(p.podExecutionRoleArn ? { podExecutionRoleArn: p.podExecutionRoleArn } : {}),
    ...(p.subnets.length > 0 ? { subnets: [...p.subnets] } : {}),
    selectors: p.selectors.map((s) => (labelsOf(s).length > 0 ? { namespace: s.namespace, labels: { ...s.labels } } : { namespace: s.namespace })),
    ...(tagsOf(p).length > 0 ? { tags: { ...p.tags } } : {}),
  }));
  return `${JSON.stringify(bodies.length === 1 ? bodies[0] : bodies, null, 2)}\n`;
}

// ---- Terraform (HCL as `terraform fmt` writes it) ----

/** An HCL quoted string: escapes, and `${`/`%{` doubled so Terraform reads them literally. */
export function hclString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** A resource name: letters, digits, _ and -, not starting with a digit. */
export function terraformName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `fp_${cleaned}`;
}

/** Lines `key = value` with the `=` aligned, as terraform fmt does for consecutive one-line attributes. */
function aligned(pairs: readonly [string, string][], indent: string): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

function hclMap(name: string, entries: readonly [string, string][], indent: string): string[] {
  return [`${indent}${name} = {`, ...aligned(entries.map(([k, v]) => [hclString(k), hclString(v)]), `${indent}  `), `${indent}}`];
}

function terraform(profiles: readonly Profile[], cluster: ExportCluster): string {
  const used = new Set<string>();
  const blocks = profiles.map((p) => {
    let id = terraformName(p.name);
    for (let n = 2; used.has(id); n++) id = `${terraformName(p.name)}_${n}`;
    used.add(id);
    const head: [string, string][] = [
      ['cluster_name', hclString(cluster.name)],
      ['fargate_profile_name', hclString(p.name)],
      ...(p.podExecutionRoleArn ? [['pod_execution_role_arn', hclString(p.podExecutionRoleArn)] as [string, string]] : []),
      ...(p.subnets.length > 0 ? [['subnet_ids', `[${p.subnets.map(hclString).join(', ')}]`] as [string, string]] : []),
    ];
    const lines = [`resource "aws_eks_fargate_profile" ${hclString(id)} {`, ...aligned(head, '  ')];
    for (const s of p.selectors) {
      lines.push('', '  selector {', `    namespace = ${hclString(s.namespace)}`);
      if (labelsOf(s).length > 0) lines.push(...hclMap('labels', labelsOf(s), '    '));
      lines.push('  }');
    }
    if (tagsOf(p).length > 0) lines.push('', ...hclMap('tags', tagsOf(p), '  '));
    lines.push('}');
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

// ---- CloudFormation ----

/** A logical ID: alphanumeric only ("fp-test" -> "FpTest"), unique within the template. */
export function logicalId(name: string, used: Set<string>): string {
  const base = name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Profile';
  const start = /^[A-Za-z]/.test(base) ? base : `Profile${base}`;
  let id = start;
  for (let n = 2; used.has(id); n++) id = `${start}${n}`;
  used.add(id);
  return id;
}

function cloudFormation(profiles: readonly Profile[], cluster: ExportCluster): string {
  const used = new Set<string>();
  const resources: Record<string, unknown> = {};
  let previous: string | null = null;
  for (const p of profiles) {
    const id = logicalId(p.name, used);
    resources[id] = {
      Type: 'AWS::EKS::FargateProfile',
      // EKS creates one profile at a time per cluster (ResourceInUseException otherwise), and
      // CloudFormation would create them in parallel: each waits for the one before.
      ...(previous ? { DependsOn: previous } : {}),
      Properties: {
        ClusterName: cluster.name,
        FargateProfileName: p.name,
        ...(p.podExecutionRoleArn ? { PodExecutionRoleArn: p.podExecutionRoleArn } : {}),
        ...(p.subnets.length > 0 ? { Subnets: [...p.subnets] } : {}),
        Selectors: p.selectors.map((s) => ({
          Namespace: s.namespace,
          ...(labelsOf(s).length > 0 ? { Labels: labelsOf(s).map(([Key, Value]) => ({ Key, Value })) } : {}),
        })),
        ...(tagsOf(p).length > 0 ? { Tags: tagsOf(p).map(([Key, Value]) => ({ Key, Value })) } : {}),
      },
    };
    previous = id;
  }
  return stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Fargate profiles of EKS cluster ${cluster.name}`,
    Resources: resources,
  });
}
