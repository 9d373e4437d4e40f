import { buildReport, REPORT_API_VERSION } from '../report/document.js';
import { CHECK_COLUMNS, checkFailed, checkFindings, checkPods, checkSummary } from '../report/check.js';
import { colorsEnabled } from '../report/colors.js';
import { contextTable, listKind, multiClusterJsonPieces, multiClusterYamlPieces, type ClusterEntry, type ContextRow, type MultiClusterDocument } from '../report/multi-cluster.js';
import { podTableIds } from '../report/table.js';
import { kubeconfigContextNames } from '../sources/kube/kubeconfig.js';
import { mapBounded } from '../lib/bounded-map.js';
import { globToRegExp, isGlob } from '../lib/glob-match.js';
import type { ClusterView } from '../view-model/cluster-view.js';
import { describeError, UsageError, UserError } from '../errors.js';
import type { Options } from './flags.js';
import { snapshotOnce } from './report-mode.js';
import { readPriceFile } from '../sources/files/price-file.js';
import { wantsTui } from './run.js';

// --contexts / --all-contexts: the one-shot faces over several clusters, read a few at a time
// (--concurrency). A cluster that cannot be read is reported in its place; the others still are.
// Only reading: reschedule, restore and the live view take one cluster (refused at parse time).

/** Exit code of `check` when some cluster could not be read and none had findings: could not tell. */
export const CHECK_UNKNOWN_EXIT = 3;

const MULTI_OUTPUTS = ['json', 'yaml', 'wide', 'table'];

/** The contexts asked for, in the order given (a glob's matches in kubeconfig order), each once. */
export function resolveContexts(options: Pick<Options, 'kubeconfig' | 'contexts' | 'allContexts'>, env: NodeJS.ProcessEnv = process.env): string[] {
  const { names, where } = kubeconfigContextNames({ kubeconfig: options.kubeconfig, env });
  const known = names.length > 10 ? `${names.slice(0, 10).join(', ')}, … (${names.length} in all)` : names.join(', ') || 'none';
  if (options.allContexts) {
    if (names.length === 0) throw new UserError(`${where} has no contexts; run \`aws eks update-kubeconfig --name CLUSTER --region REGION\` or pass --kubeconfig`);
    return names;
  }
  const chosen = new Set<string>();
  for (const pattern of options.contexts) {
    if (isGlob(pattern)) {
      const regex = globToRegExp(pattern);
      const matches = names.filter((name) => regex.test(name));
      if (matches.length === 0) throw new UsageError(`--contexts "${pattern}" matches no context in ${where} (contexts: ${known})`, '`kubectl config get-contexts -o name` lists them');
      for (const name of matches) chosen.add(name);
    } else {
      if (!names.includes(pattern)) throw new UsageError(`context "${pattern}" not found in ${where} (contexts: ${known})`, '`kubectl config get-contexts -o name` lists them');
      chosen.add(pattern);
    }
  }
  return [...chosen];
}

type ClusterRead = { context: string; view: ClusterView } | { context: string; error: string };

async function readCluster(options: Options, context: string): Promise<ClusterRead> {
  try {
    const { view, session } = await snapshotOnce({ ...options, context }, { quiet: true });
    await session.close();
    return { context, view };
  } catch (error) {
    return { context, error: describeError(error) };
  }
}

/** A cluster's warnings (and its failure) on stderr, under its name, as soon as its turn comes. */
function tell(read: ClusterRead): void {
  if ('error' in read) process.stderr.write(`error: context "${read.context}": ${read.error}\n`);
  else for (const warning of read.view.warnings) process.stderr.write(`warning: context "${read.context}": ${warning}\n`);
}

async function write(pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
  for await (const piece of pieces) {
    if (!process.stdout.write(piece)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** `kubectl fargate [check] --contexts ...|--all-contexts`. */
export async function runManyContexts(options: Options): Promise<number> {
  if (wantsTui(options)) {
    throw new UsageError('the live view shows one cluster: --contexts and --all-contexts are for tables, -o json|yaml and check', 'pass --context NAME, or add -o wide|json|yaml');
  }
  const output = options.output ?? 'table';
  if (!MULTI_OUTPUTS.includes(output)) throw new UsageError(`-o ${output} is not available with --contexts or --all-contexts`, `use -o ${MULTI_OUTPUTS.join('|')}`);
  // kubectl's row-level flags that this path does not implement yet: refused, never dropped.
  if (options.watch) throw new UsageError('--watch follows one cluster: it is not available with --contexts or --all-contexts', 'pass --context NAME');
  if (options.upgrade) throw new UsageError('check --upgrade reads one cluster: it is not available with --contexts or --all-contexts yet', 'pass --context NAME');
  if (options.sortBy !== undefined) throw new UsageError('--sort-by is not available with --contexts or --all-contexts', 'drop --sort-by, or pass --context NAME');
  const check = options.command === 'check';
  // Each cluster's session reads it again; a bad one is a usage error before any cluster is read.
  if (options.priceFile !== undefined) readPriceFile(options.priceFile);
  const contexts = resolveContexts(options);
  const reads = mapBounded(contexts, options.concurrency, (context) => readCluster(options, context));

  let failed = 0;
  let findings = false;
  const now = new Date();
  // A cluster whose profiles are unknown cannot be checked: that is its error, in its place.
  const settled = reads.map(async (pending): Promise<ClusterRead> => {
    const read = await pending;
    if (!check || 'error' in read || read.view.profilesKnown) return read;
    return { context: read.context, error: `cannot check placement: the Fargate profiles are unknown (${read.view.aws.message ?? read.view.aws.state})` };
  });
  // Each cluster (and its stderr lines) once its turn comes, in the order asked.
  const inTurn = async function* (): AsyncGenerator<ClusterRead> {
    for (const pending of settled) {
      const read = await pending;
      tell(read);
      if ('error' in read) failed++;
      else if (check) {
        const result = checkPods(read.view);
        if (checkFailed(result)) findings = true;
        process.stderr.write(`context "${read.context}": ${checkSummary(result, read.view.pods.length)}\n`);
      }
      yield read;
    }
  };
  // The document of a cluster, made only when it is written.
  const entriesOf = async function* (): AsyncGenerator<ClusterEntry> {
    for await (const read of inTurn()) {
      if ('error' in read) yield read;
      else yield check ? buildReport(read.view, { kind: 'FargateCheck', pods: checkFindings(checkPods(read.view)), now }) : buildReport(read.view, { now });
    }
  };

  if (output === 'json' || output === 'yaml') {
    const head: Omit<MultiClusterDocument, 'clusters'> = { apiVersion: REPORT_API_VERSION, kind: listKind(check ? 'FargateCheck' : 'FargatePlacementReport'), generatedAt: now.toISOString() };
    await write((output === 'json' ? multiClusterJsonPieces : multiClusterYamlPieces)(head, entriesOf()));
  } else {
    const rows: ContextRow[] = [];
    const proposed = new Set<string>();
    for await (const read of inTurn()) {
      if ('error' in read) continue;
      for (const name of read.view.proposed) proposed.add(name);
      const pods = check ? checkFindings(checkPods(read.view)) : read.view.pods;
      for (const view of pods) rows.push({ context: read.context, view });
    }
    const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
    const labels = options.showLabels ? (['labels'] as const) : [];
    const ids = check ? [...CHECK_COLUMNS, ...labels] : podTableIds({ wide: output === 'wide', showNamespace: options.namespace === null, showLabels: options.showLabels });
    if (rows.length > 0 || !check) await write([contextTable(rows, ids, { headers: options.headers, color, proposed })]);
    if (!check && rows.length === 0 && failed < contexts.length) {
      process.stderr.write(options.namespace ? `No pods found in ${options.namespace} namespace.\n` : 'No pods found.\n');
    }
  }
  if (check) return findings ? 1 : failed > 0 ? CHECK_UNKNOWN_EXIT : 0;
  return failed > 0 ? 1 : 0;
}
