// `kubectl fargate profile create NAME --selector NS[:k=v,...] [--role ARN] [--subnets a,b]
// [--tag k=v] [--wait] [--reschedule] [--yes] [--dry-run [-o eksctl|terraform|cloudformation|json]]`
// The what-if (which pods it would capture, which would move) is shown before anything is sent.
import path from 'node:path';
import { defaultBackupDir } from '../actions/backup.js';
import { describeRecreates } from '../actions/manifest-source.js';
import { planReschedule, planSummary, podsNeedingReschedule } from '../actions/plan.js';
import { createProfile, failureText } from '../actions/profiles/create.js';
import { reschedule } from '../actions/reschedule.js';
import type { RescheduleEvent, RescheduleResult } from '../actions/types.js';
import { UserError } from '../errors.js';
import { exportProfiles } from '../report/profile-export.js';
import { createRequest } from '../sources/aws/eks-profile-api.js';
import { createWhatIf, creatingRivals, proposedProfile, whatIfView } from '../view-model/profile-what-if.js';
import { createQuestion } from '../view-model/words/profile.js';
import { dryRunText } from '../view-model/words/reschedule.js';
import { progressLine, resultTable, trapInterrupts } from './action-common.js';
import { askYesNo } from './confirm.js';
import type { Options } from './flags.js';
import { say, stopExitCode } from './interrupts.js';
import { pendingWarnings } from './pending-restores.js';
import { checkClusterForWrite, checkConfirmable, profileApi, readCluster } from './profile-session.js';
import { resolveSpec } from './profile-spec-input.js';
import { specText, whatIfText } from './profile-text.js';
import type { Timeouts } from './profile-timeouts.js';
import type { ProfileCommand } from './profile-usage.js';
import { planTable } from './reschedule-mode.js';
import { openSession, type Session } from './session.js';
import { capitalized } from '../lib/capitalized.js';

export async function runProfileCreate(options: Options, command: ProfileCommand, timeouts: Timeouts): Promise<number> {
  const name = command.names[0]!;
  const session = await openSession(options);
  try {
    await checkClusterForWrite(session, options);
    checkConfirmable(options, `create profile ${name}`);
    const [{ snapshot }, pending] = await Promise.all([readCluster(session), pendingWarnings(session, options)]);
    for (const line of pending) say(process.stderr, `warning: ${line}\n`);
    const existing = snapshot.profiles.find((p) => p.name === name && p.source === 'eks');
    if (existing) throw new UserError(`profile ${name} exists already (${existing.status})`, { hint: 'profiles are immutable: pick another name, or `kubectl fargate profile replace` it' });
    const { spec, sources } = resolveSpec(name, command, options, snapshot.profiles);
    const after = whatIfView(snapshot, { add: [proposedProfile(spec)] });
    say(process.stderr, specText(spec, sources) + whatIfText(after, name, createWhatIf(after, name)));
    for (const [rival, pods] of creatingRivals(snapshot, proposedProfile(spec))) {
      say(process.stderr, `warning: profile ${rival} is CREATING and sorts before ${name}: once ACTIVE, EKS picks it for ${pods.join(', ')}\n`);
    }

    const request = createRequest(spec, session.identity.clusterName ?? '');
    if (options.dryRun === 'client') {
      const format = options.profileFormat ?? 'json';
      say(process.stdout, format === 'json' ? `${JSON.stringify(request, null, 2)}\n` : exportProfiles([proposedProfile(spec)], format, { name: request.clusterName, region: session.identity.region }));
      say(process.stderr, `${capitalized(dryRunText('client'))}: CreateFargateProfile was not sent (the EKS API has no dry run of its own).\n`);
      return 0;
    }
    if (!options.yes && !(await askYesNo(createQuestion(name)))) {
      say(process.stderr, 'Nothing was changed.\n');
      return 1;
    }

    const controller = new AbortController();
    const inFlight = { what: `the creation of profile ${name}` };
    const release = trapInterrupts(controller, () => inFlight.what);
    const api = await profileApi(session);
    try {
      const wait = options.wait || options.reschedule;
      const { created, end } = await createProfile(api, request, { wait, timeoutMs: timeouts.eksMs, signal: controller.signal, onEvent: (e) => say(process.stderr, `${e.message}\n`) });
      if (end === null) {
        say(process.stdout, `profile ${name} created: ${created.profile.status} (wait with --wait, or \`kubectl fargate profile list\`)\n`);
        return 0;
      }
      if (end.state !== 'active') {
        say(process.stdout, `${failureText((end as { described: typeof created }).described)}\n`);
        return 1;
      }
      say(process.stdout, `profile ${name} is ACTIVE\n`);
      if (!options.reschedule) return 0;
      return await rescheduleCaptured(session, options, name, timeouts, controller, inFlight);
    } catch (error) {
      if (controller.signal.aborted) {
        say(process.stderr, `${(error as Error).message}; EKS goes on creating ${name}: \`kubectl fargate profile list\` shows it\n`);
        return stopExitCode(controller.signal);
      }
      throw error;
    } finally {
      release();
      api.close();
    }
  } finally {
    await session.close();
  }
}

/** --reschedule: the pods the profile now captures, with the reschedule's plan, question, journal and landing checks. */
async function rescheduleCaptured(session: Session, options: Options, name: string, timeouts: Timeouts, controller: AbortController, inFlight: { what: string }): Promise<number> {
  const { view } = await readCluster(session);
  const pods = podsNeedingReschedule(view.pods).filter((v) => v.placement.expectedProfile === name);
  const { steps } = await describeRecreates(session.kc, planReschedule(pods), 'live');
  const summary = planSummary(steps);
  if (summary.actionable === 0) {
    say(process.stderr, `No pods need a reschedule onto ${name}.\n`);
    return 0;
  }
  if (!options.yes) {
    say(process.stderr, planTable(steps));
    if (!(await askYesNo(summary.title!))) {
      say(process.stderr, `Profile ${name} was created; no pod was moved.\n`);
      return 1;
    }
  }
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const results: RescheduleResult[] = await reschedule(session.kc, steps, {
    backupDir,
    context: session.identity.context,
    journalIndexDir: defaultBackupDir(),
    timeoutMs: timeouts.podMs,
    signal: controller.signal,
    onEvent: (event: RescheduleEvent) => {
      inFlight.what = event.pod;
      say(process.stderr, progressLine(event));
    },
  });
  say(process.stdout, resultTable(results));
  if (controller.signal.aborted) return stopExitCode(controller.signal);
  return results.every((r) => r.outcome === 'succeeded') ? 0 : 1;
}
