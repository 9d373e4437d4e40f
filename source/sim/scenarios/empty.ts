// Nodes and system namespaces only: no profiles, no workloads.
import { ec2Nodes, SYSTEM_NAMESPACES } from './shared.js';
import type { Scenario } from './types.js';

export const empty: Scenario = {
  name: 'empty',
  description: 'Three EC2 nodes, system namespaces, no Fargate profiles, no pods.',
  nodes: ec2Nodes(3),
  steps: [{ ago: '90d', namespaces: [...SYSTEM_NAMESPACES] }],
};
