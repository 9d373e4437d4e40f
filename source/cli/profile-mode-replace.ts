// `kubectl fargate profile replace OLD --name NEW --selector ... [--role] [--subnets] [--tag]
// [--yes] [--dry-run]`: the safe migration for an immutable profile (actions/profiles/replace.ts).
// Checked first: NEW must be what EKS picks for every pod OLD runs once OLD is gone; if NEW sorts
// after OLD, OLD keeps its pods while it exists, so they can only move as EKS stops them: allowed
// for bare pods (backed up, re-created), refused for controller pods. Run again, it continues
// from its journal.
import path from 'node:path';
import { defaultBackupDir } from '../actions/backup.js';
import { podsUnderProfile, replaceProfile, replaceStrategy } from '../actions/profiles/replace.js';
import { ReplaceJournal, type ReplaceStrategy } from '../actions/profiles/replace-journal.js';
import type { ProfileSpec } from '../domain/profile-spec.js';
import { UsageError, UserError } from '../errors.js';
import { exportProfiles } from '../report/profile-export.js';
import { createRequest } from '../sources/aws/eks-profile-api.js';
import { createWhatIf, proposedProfile, takeoverProblems, whatIfView } from '../view-model/profile-what-if.js';
import { replaceQuestion } from '../view-model/words/profile.js';
import { countText, dryRunText } from '../view-model/words/reschedule.js';
import { progressLine, resultTable, trapInterrupts } from './action-common.js';
import { askYesNo } from './confirm.js';
import type { Options } from './flags.js';
import { say, stopExitCode } from './interrupts.js';
import { pendingWarnings } from './pending-restores.js';
import { checkClusterForWrite, checkConfirmable, profileApi, readCluster, type ClusterRead } from './profile-session.js';
import { resolveSpec } from './profile-spec-input.js';
import { specText, whatIfText } from './profile-text.js';
import type { Timeouts } from './profile-timeouts.js';
import type { ProfileCommand } from './profile-usage.js';
import { openSession, type Session } from './session.js';
import { capitalized } from '../lib/capitalized.js';

export async function runProfileReplace(options: Options, command: ProfileCommand, timeouts: Timeouts): Promise<number> {
  const old = command.names[0]!;
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const session = await openSession(options);
  try {
    await checkClusterForWrite(session, options);
    checkConfirmable(options, `replace profile ${old}`);
    const [read, pending] = await Promise.all([readCluster(session), pendingWarnings(session, options)]);
    for (const line of pending) say(process.stderr, `warning: ${line}\n`);
    const journal = ReplaceJournal.find(backupDir, session.identity.context, old);
    const start = journal ? resumed(journal, command, options) : fresh(read, old, command, options);
    if (journal) say(process.stderr, `Continuing the replace of ${old} by ${start.spec.name} from its journal ${journal.file}.\n`);

    if (options.dryRun === 'client') {
      const format = options.profileFormat ?? 'json';
      const request = createRequest(start.spec, session.identity.clusterName ?? '');
      say(process.stdout, format === 'json' ? `${JSON.stringify(request, null, 2)}\n` : exportProfiles([proposedProfile(start.spec)], format, { name: request.clusterName, region: session.identity.region }));
      say(process.stderr, `${capitalized(dryRunText('client'))}: nothing was sent (the EKS API has no dry run of its own).\n`);
      return 0;
    }
    if (!options.yes && !(await askYesNo(replaceQuestion(old, start.spec.name)))) {
      say(process.stderr, 'Nothing was changed.\n');
      return 1;
    }
    return await run(session, options, start, backupDir, timeouts);
  } finally {
    await session.close();
  }
}

interface Start {
  old: string;
  spec: ProfileSpec;
  strategy: ReplaceStrategy;
}

/** A replace under way: the journal's profile, unless the command line asks for another. */
function resumed(journal: ReplaceJournal, command: ProfileCommand, options: Options): Start {
  const started = journal.started;
  const differs = (options.name !== undefined && options.name !== started.spec.name) || (command.selectors.length > 0 && JSON.stringify(command.selectors) !== JSON.stringify(started.spec.selectors));
  if (differs) {
    throw new UsageError(`a replace of ${started.old} by ${started.spec.name} is under way (journal ${journal.file})`, `run \`kubectl fargate profile replace ${started.old}\` to continue it`);
  }
  return { old: started.old, spec: started.spec, strategy: started.strategy };
}

function fresh({ snapshot, view }: ClusterRead, old: string, command: ProfileCommand, options: Options): Start {
  if (options.name === undefined) throw new UsageError('profile replace needs --name NEW, the new profile\'s name', `e.g. kubectl fargate profile replace ${old} --name ${old}-v2 --selector NS`);
  if (command.selectors.length === 0) throw new UsageError('profile replace needs at least one --selector for the new profile', 'profiles are immutable: give the new one its selectors');
  const cluster = snapshot.identity.clusterName ?? '(unknown)';
  const replaced = snapshot.profiles.find((p) => p.name === old && p.source === 'eks');
  if (!replaced) throw new UserError(`no Fargate profile ${old} in cluster ${cluster}`, { hint: 'see `kubectl fargate profile list`' });
  if (replaced.status !== 'ACTIVE') throw new UserError(`profile ${old} is ${replaced.status}, not ACTIVE: there is nothing to move off it`, { hint: 'see `kubectl fargate profile list`' });
  if (snapshot.profiles.some((p) => p.name === options.name && p.source === 'eks')) {
    throw new UserError(`profile ${options.name} exists already`, { hint: 'replace creates the new profile: pick another --name' });
  }
  const { spec, sources } = resolveSpec(options.name, command, options, snapshot.profiles, replaced);
  const strategy = replaceStrategy(old, spec.name);
  const after = whatIfView(snapshot, { add: [proposedProfile(spec)], remove: [old] });
  const problems = takeoverProblems(view, after, old, spec.name);
  if (problems.length > 0) {
    throw new UserError(`${spec.name} would not take over the pods ${old} runs: ${problems.join('; ')}`, { hint: 'give the new profile selectors that select them (see `kubectl fargate -o wide`)' });
  }
  const under = podsUnderProfile(view.pods, old);
  const owned = under.filter((v) => v.pod.owner !== null);
  if (strategy === 'at-delete' && owned.length > 0) {
    throw new UserError(
      `${spec.name} sorts after ${old}, so EKS keeps choosing ${old} for its pods while it exists (it picks the alphabetically first): they could move only when ${old} is deleted, and EKS stops them all at once without PodDisruptionBudgets (${owned.map((v) => v.key).join(', ')})`,
      { hint: `name the new profile so it sorts before ${old}, to move them one at a time` },
    );
  }
  const moving = new Set(under.map((v) => v.key));
  const { captures } = createWhatIf(after, spec.name);
  say(process.stderr, specText(spec, sources, 'New Fargate profile') + whatIfText(after, spec.name, { captures, moves: captures.filter((v) => moving.has(v.key)) }));
  say(process.stderr, planText(old, spec.name, strategy, under.length, under.filter((v) => v.pod.owner === null).length));
  return { old, spec, strategy };
}

function planText(old: string, name: string, strategy: ReplaceStrategy, pods: number, bare: number): string {
  const move =
    strategy === 'one-at-a-time'
      ? `move the ${countText(pods, 'pod')} ${old} runs onto it, one at a time (PodDisruptionBudgets respected, bare pods backed up and re-created)`
      : `back up the ${countText(bare, 'bare pod')} ${old} runs (${name} sorts after ${old}, so EKS stops ${bare === 1 ? 'it' : 'them'} when ${old} is deleted) and re-create ${bare === 1 ? 'it' : 'them'} under ${name}`;
  return `Plan: 1) create ${name} and wait until it is ACTIVE; 2) ${move}; 3) delete ${old} once it runs nothing.\n`;
}

async function run(session: Session, options: Options, start: Start, backupDir: string, timeouts: Timeouts): Promise<number> {
  const controller = new AbortController();
  const inFlight = { what: `the replace of ${start.old}` };
  const release = trapInterrupts(controller, () => inFlight.what);
  const api = await profileApi(session);
  try {
    const outcome = await replaceProfile(start, {
      kc: session.kc,
      api,
      readPods: async () => (await readCluster(session)).view.pods,
      backupDir,
      context: session.identity.context,
      journalIndexDir: defaultBackupDir(),
      timeoutMs: timeouts.eksMs,
      podTimeoutMs: timeouts.podMs,
      signal: controller.signal,
      onEvent: (e) => say(process.stderr, `${e.message}\n`),
      onPodEvent: (event) => {
        inFlight.what = event.pod;
        say(process.stderr, progressLine(event));
      },
    });
    const results = [...outcome.moved, ...outcome.restored];
    if (results.length > 0) say(process.stdout, resultTable(results));
    say(process.stdout, `profile ${start.old} is replaced by ${start.spec.name}\n`);
    return results.every((r) => r.outcome === 'succeeded') ? 0 : 1;
  } catch (error) {
    if (controller.signal.aborted) {
      say(process.stderr, `stopped; run \`kubectl fargate profile replace ${start.old}\` again to continue from its journal\n`);
      return stopExitCode(controller.signal);
    }
    if (error instanceof UserError) throw new UserError(error.message, { hint: `${error.hint ? `${error.hint}; ` : ''}the replace goes on from its journal when run again` });
    throw error;
  } finally {
    release();
    api.close();
  }
}
