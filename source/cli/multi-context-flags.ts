import { UsageError } from '../errors.js';
import type { Command } from './flags.js';

// --contexts / --all-contexts / --concurrency: which clusters a one-shot face reads, and how many at
// once. Checked at parse time, before any kubeconfig is read or cluster contacted.

export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

export interface MultiContextFlags {
  /** --contexts names and globs, split at commas, in the order given (empty: not given). */
  contexts: string[];
  allContexts: boolean;
  /** Clusters read at once. */
  concurrency: number;
}

export interface MultiContextInput {
  command: Command;
  /** Each --contexts value as typed (the flag repeats and adds up, like kubectl's list flags). */
  contexts: readonly string[] | undefined;
  allContexts: boolean;
  concurrency: string | undefined;
  /** Flags that name one cluster, which a list of contexts cannot share. */
  single: { context?: string; cluster?: string; eksCluster?: string; demo: boolean };
}

export function readMultiContextFlags(input: MultiContextInput): MultiContextFlags {
  const contexts = (input.contexts ?? []).flatMap((value) => value.split(',').map((name) => name.trim()));
  if (contexts.some((name) => name === '')) {
    throw new UsageError('--contexts has an empty name', 'give context names or globs separated by commas, e.g. --contexts prod-a,prod-b or --contexts "prod-*"');
  }
  const many = contexts.length > 0 || input.allContexts;
  if (contexts.length > 0 && input.allContexts) throw new UsageError('--contexts and --all-contexts conflict', 'pass one of them');
  const flag = input.allContexts ? '--all-contexts' : '--contexts';
  if (many && input.command !== 'view' && input.command !== 'check') {
    throw new UsageError(`${flag} is only for reading (tables, -o json|yaml, check): ${input.command} changes one cluster at a time`, 'pass --context NAME');
  }
  if (many) {
    const { context, cluster, eksCluster, demo } = input.single;
    const clash = context !== undefined ? '--context' : cluster !== undefined ? '--cluster' : eksCluster !== undefined ? '--eks-cluster' : demo ? '--demo' : null;
    if (clash) throw new UsageError(`${flag} conflicts with ${clash}, which names one cluster`, `drop ${clash}, or drop ${flag}`);
  }
  let concurrency = DEFAULT_CONCURRENCY;
  if (input.concurrency !== undefined) {
    if (!many) throw new UsageError('--concurrency applies to --contexts or --all-contexts', 'add one of them, or drop --concurrency');
    const text = input.concurrency.trim();
    const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= 1 && n <= MAX_CONCURRENCY)) {
      throw new UsageError(`invalid --concurrency "${input.concurrency}": give a whole number from 1 to ${MAX_CONCURRENCY}`, `e.g. --concurrency ${DEFAULT_CONCURRENCY} (the default)`);
    }
    concurrency = n;
  }
  return { contexts, allContexts: input.allContexts, concurrency };
}

/** Several clusters were asked for. */
export const readsManyContexts = (flags: Pick<MultiContextFlags, 'contexts' | 'allContexts'>): boolean => flags.contexts.length > 0 || flags.allContexts;
