import type { AwsState, ConnectionState, ConnectionStatus, ProfilesStatus } from '../../store/snapshot.js';
import type { Tone, Word } from './tones.js';

// The words for the cluster's own state: whether EKS's profiles could be read, and the
// Kubernetes watches. The TUI's status bar shows them; --json keeps aws.state as it is.

const AWS: Record<AwsState, string> = {
  loading: 'reading profiles…',
  ok: 'ok',
  'no-credentials': 'no credentials',
  'access-denied': 'access denied',
  'cluster-not-found': 'cluster not found',
  throttled: 'throttled',
  error: 'error',
  'file-only': 'file profiles only',
  'no-cluster': 'cluster unknown',
};

export function awsTone(aws: Pick<ProfilesStatus, 'state' | 'stale'>): Tone {
  if (aws.state === 'ok') return aws.stale ? 'status.warn' : 'status.ok';
  if (aws.state === 'loading' || aws.state === 'file-only') return 'status.info';
  return 'status.error';
}

/** "AWS ok", "AWS access denied", "AWS ok (stale)". */
export const awsWord = (aws: Pick<ProfilesStatus, 'state' | 'stale'>): Word => ({ text: `AWS ${AWS[aws.state]}${aws.stale ? ' (stale)' : ''}`, tone: awsTone(aws) });

const CONNECTION: Record<ConnectionState, string> = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
  error: 'disconnected',
};

export const connectionTone = (state: ConnectionState): Tone => (state === 'live' ? 'status.ok' : state === 'connecting' ? 'status.info' : 'status.error');

/** "k8s live", "k8s reconnecting…". */
export const connectionWord = (connection: Pick<ConnectionStatus, 'state'>): Word => ({ text: `k8s ${CONNECTION[connection.state]}`, tone: connectionTone(connection.state) });
