// Nodes and system namespaces only: no profiles, no workloads.
import type { Scenario } from './types.js';

export const empty: Scenario = {
  name: 'empty',
  description: 'Three EC2 nodes, system namespaces, no Fargate profiles, no pods.',
  nodes: [
    { name: 'ip-10-0-1-23.ec2.internal', ip: '10.0.1.23', zone: 'us-east-1a' },
    { name: 'ip-10-0-2-45.ec2.internal', ip: '10.0.2.45', zone: 'us-east-1b' },
    { name: 'ip-10-0-3-67.ec2.internal', ip: '10.0.3.67', zone: 'us-east-1c' },
  ],
  steps: [{ ago: '90d', namespaces: ['default', 'kube-system', 'kube-public', 'kube-node-lease'] }],
};
