// The cluster's VPC: one private and one public subnet per zone. Fargate pods run only in private
// subnets (no route to an internet gateway, spec §1.5); the cluster itself lists both kinds, as
// clusters with internet-facing load balancers do.

export interface SimSubnet {
  id: string;
  /** Zone letter: the zone is `<region><letter>`. */
  zone: 'a' | 'b' | 'c';
  private: boolean;
}

export const VPC_ID = 'vpc-0123456789abcdef0';

export const SUBNETS: readonly SimSubnet[] = [
  { id: 'subnet-0a1b2c3d4e5f60001', zone: 'a', private: true },
  { id: 'subnet-0a1b2c3d4e5f60002', zone: 'b', private: true },
  { id: 'subnet-0a1b2c3d4e5f60003', zone: 'c', private: true },
  { id: 'subnet-0a1b2c3d4e5f60101', zone: 'a', private: false },
  { id: 'subnet-0a1b2c3d4e5f60102', zone: 'b', private: false },
  { id: 'subnet-0a1b2c3d4e5f60103', zone: 'c', private: false },
];

export const PRIVATE_SUBNET_IDS: readonly string[] = SUBNETS.filter((s) => s.private).map((s) => s.id);

export const subnetById = (id: string): SimSubnet | undefined => SUBNETS.find((s) => s.id === id);
