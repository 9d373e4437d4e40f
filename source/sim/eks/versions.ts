// Kubernetes versions as EKS reports them. The API server's /version carries an EKS build string
// (`gitVersion: v1.33.5-eks-3025e55`), a Fargate node the kubelet of the control-plane version at
// the time it was created (`status.nodeInfo.kubeletVersion: v1.32.9-eks-113cf36`, spec §2.5).
// The two strings quoted in the spec are real; the other patch numbers and build hashes are
// INVENTED in the same shape (EKS publishes no table of them).

export interface EksVersion {
  /** The API server's gitVersion. */
  apiServer: string;
  /** The kubelet (and kube-proxy) of a node of this minor: a Fargate node, the sim's EC2 nodes. */
  kubelet: string;
  /** DescribeCluster platformVersion. */
  platform: string;
}

export const EKS_VERSIONS: Readonly<Record<string, EksVersion>> = {
  '1.29': { apiServer: 'v1.29.15-eks-b707fbb', kubelet: 'v1.29.15-eks-473151a', platform: 'eks.38' },
  '1.30': { apiServer: 'v1.30.14-eks-b707fbb', kubelet: 'v1.30.14-eks-931bdca', platform: 'eks.34' },
  '1.31': { apiServer: 'v1.31.13-eks-b707fbb', kubelet: 'v1.31.13-eks-5d4a308', platform: 'eks.30' },
  '1.32': { apiServer: 'v1.32.9-eks-e386d34', kubelet: 'v1.32.9-eks-113cf36', platform: 'eks.19' },
  '1.33': { apiServer: 'v1.33.5-eks-3025e55', kubelet: 'v1.33.5-eks-ecaa3a6', platform: 'eks.13' },
  '1.34': { apiServer: 'v1.34.1-eks-d96d92f', kubelet: 'v1.34.1-eks-c39b1d0', platform: 'eks.6' },
};

/** The control-plane version a sim starts with unless told otherwise. */
export const DEFAULT_VERSION = '1.32';

/** The entry for a minor version ("1.32"), or an error naming the ones the sim knows. */
export function eksVersion(minor: string): EksVersion {
  const v = EKS_VERSIONS[minor];
  if (v === undefined) throw new Error(`sim: unknown Kubernetes version "${minor}" (known: ${Object.keys(EKS_VERSIONS).join(', ')})`);
  return v;
}

/** "1.32" -> 32; "v1.32.9-eks-113cf36" -> 32; anything else NaN. */
export function minorOf(version: string): number {
  const m = /^v?1\.(\d+)(?:\.|$)/.exec(version);
  return m === null ? Number.NaN : Number(m[1]);
}
