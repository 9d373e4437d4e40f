import { redactCredentials } from '../../lib/redact.js';
import type { AwsState } from '../../store/snapshot.js';

const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'MissingAuthenticationTokenException',
  'IncompleteSignature',
  'SSOTokenProviderFailure',
]);

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface EksFailure {
  state: Exclude<AwsState, 'ok' | 'loading' | 'file-only' | 'no-cluster'>;
  message: string;
}

/**
 * An AWS SDK error while reading profiles -> a status the UI can show, with what to do. AWS error
 * texts can quote the request (signature mismatches echo the canonical request and credential
 * scope), so the message is redacted like Kubernetes errors are.
 */
export function classifyEksError(error: unknown, cluster: string, region: string, awsProfile: string | null = null, env: NodeJS.ProcessEnv = process.env): EksFailure {
  const failure = classify(error, cluster, region, awsProfile);
  failure.message = redactCredentials(failure.message, [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]);
  return failure;
}

function classify(error: unknown, cluster: string, region: string, awsProfile: string | null): EksFailure {
  const err = (error ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = err.name ?? '';
  const detail = (err.message ?? '').split('\n')[0]!.trim();
  if (CREDENTIALS.has(name) || /credential|security token|expired/i.test(name)) {
    const message = awsProfile
      ? `AWS credentials for profile ${awsProfile} are missing or expired: run \`aws sso login --profile ${awsProfile}\`, pass --profile, or pass --no-aws`
      : 'AWS credentials are missing or expired: run `aws sso login` / set AWS_PROFILE, or pass --no-aws';
    return { state: 'no-credentials', message };
  }
  // Credential failures also arrive as 403, so they are recognised by name first.
  if (name === 'AccessDeniedException' || err.$metadata?.httpStatusCode === 403) {
    return {
      state: 'access-denied',
      message: `access denied reading Fargate profiles of ${cluster}: allow eks:ListFargateProfiles and eks:DescribeFargateProfile for your AWS identity${detail ? ` (${detail})` : ''}`,
    };
  }
  if (name === 'ResourceNotFoundException') {
    return { state: 'cluster-not-found', message: `EKS cluster ${cluster} not found in ${region}: check --eks-cluster/--region` };
  }
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException' || err.$metadata?.httpStatusCode === 429) {
    return { state: 'throttled', message: `the EKS API is throttling requests (still after retries); try again shortly` };
  }
  if ((err.$metadata?.httpStatusCode ?? 0) >= 500 || name === 'ServerException' || name === 'ServiceUnavailableException') {
    return { state: 'error', message: `the EKS API failed, still after retries (${name}${detail ? `: ${detail}` : ''}); try again shortly` };
  }
  const code = err.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? '';
  // OpenSSL's answer when the other side is not TLS (the SDK reports it as `write EPROTO ...`).
  if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL/.test(code) || /wrong version number|packet length too long/i.test(err.message ?? '')) {
    return { state: 'error', message: `cannot reach the EKS API in ${region}: the endpoint does not speak TLS on that port; check AWS_ENDPOINT_URL_EKS (http:// or the port that serves https)` };
  }
  if (NETWORK.has(code) || NETWORK.has(name)) {
    return { state: 'error', message: `cannot reach the EKS API in ${region} (${code || name}); check the network or AWS_ENDPOINT_URL_EKS` };
  }
  return { state: 'error', message: `reading Fargate profiles failed: ${name && !detail.startsWith(name) ? `${name}: ` : ''}${detail || 'unknown error'}` };
}
