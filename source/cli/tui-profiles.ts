// The profiles view's `e`, `c` and `x`, bound to the live session (the context on screen when
// the key is pressed): the same actions, what-if and words as `profile export|create|delete`.
// Under --dry-run a write is previewed and never sent; with --read-only the writes are not
// handed over at all.
import path from 'node:path';
import { defaultBackupDir, restoreCommand } from '../actions/backup.js';
import { createProfile, failureText } from '../actions/profiles/create.js';
import { deleteProfile } from '../actions/profiles/delete.js';
import { parseSelectorText } from '../domain/profile-spec.js';
import { describeError, UserError } from '../errors.js';
import { exportProfiles } from '../report/profile-export.js';
import { createRequest } from '../sources/aws/eks-profile-api.js';
import type { ProfileDraft, ProfilePreview, TuiProfiles, TuiProfileWrites } from '../ui/tui-actions.js';
import { createWhatIf, fatesWithout, proposedProfile, whatIfView } from '../view-model/profile-what-if.js';
import { createQuestion } from '../view-model/words/profile.js';
import { requireClusterMatch } from './cluster-check.js';
import type { Options } from './flags.js';
import type { LiveSession } from './live-session.js';
import { profileApi, readCluster } from './profile-session.js';
import { resolveSpec } from './profile-spec-input.js';
import { specText, stopsText, whatIfText } from './profile-text.js';
import { parseWaitTimeout } from './profile-timeouts.js';
import { restorePendingCommand } from './pending-restores.js';
import type { Session } from './session.js';

const textLines = (text: string): string[] => text.replace(/\n+$/, '').split('\n');

/** Any failure as the one line the status bar shows. */
async function oneLine<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(describeError(error));
  }
}

export function tuiProfiles(live: LiveSession, options: Options): TuiProfiles {
  return {
    exportText: (name, format) => {
      const session = live.current();
      const profile = live.feed.getSnapshot().profiles.find((p) => p.name === name);
      if (!profile) throw new Error(`no Fargate profile ${name} in the view (press R to re-read the profiles)`);
      return exportProfiles([profile], format, { name: session.identity.clusterName ?? 'CLUSTER', region: session.identity.region });
    },
    writes: options.readOnly ? null : profileWrites(live, options),
  };
}

function profileWrites(live: LiveSession, options: Options): TuiProfileWrites {
  const dryRun = options.dryRun !== false;
  const timeouts = parseWaitTimeout(options.timeout);
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();

  /** What deleting `name` stops, read now (the bare pods to back up are the ones running at the delete). */
  async function deletion(session: Session, name: string) {
    const { snapshot, view } = await readCluster(session);
    const profile = snapshot.profiles.find((p) => p.name === name && p.source === 'eks');
    if (!profile) throw new UserError(`no Fargate profile ${name} in cluster ${session.identity.clusterName ?? '(unknown)'}`);
    if (profile.status === 'DELETING') throw new UserError(`profile ${name} is being deleted already (DELETING); EKS stopped its pods when it began`);
    if (profile.status === 'CREATING') throw new UserError(`profile ${name} is CREATING; EKS deletes a profile only once it is ACTIVE`);
    const ec2Nodes = [...snapshot.nodes.values()].some((n) => !n.fargate);
    return { fates: fatesWithout(view, whatIfView(snapshot, { remove: [name] }), name), ec2Nodes };
  }

  /** The draft as the spec to send, with the what-if, read now. */
  async function creation(session: Session, draft: ProfileDraft) {
    const { snapshot } = await readCluster(session);
    const name = draft.name.trim();
    const existing = snapshot.profiles.find((p) => p.name === name && p.source === 'eks');
    if (existing) throw new UserError(`profile ${name} exists already (${existing.status}); profiles are immutable: pick another name`);
    const selectors = draft.selectors.split(';').map((s) => s.trim()).filter(Boolean).map(parseSelectorText);
    if (selectors.length === 0) throw new UserError('name at least one selector: NS[:key=value,...] (several joined by ;)');
    const { spec, sources } = resolveSpec(name, { sub: 'create', names: [name], selectors, tags: {} }, options, snapshot.profiles);
    const after = whatIfView(snapshot, { add: [proposedProfile(spec)] });
    const request = createRequest(spec, session.identity.clusterName ?? '');
    return { spec, request, text: specText(spec, sources) + whatIfText(after, name, createWhatIf(after, name)) };
  }

  return {
    dryRun,
    previewDelete: (name) =>
      oneLine(async (): Promise<ProfilePreview> => {
        const session = live.current();
        const { fates, ec2Nodes } = await deletion(session, name);
        const sent = JSON.stringify({ clusterName: session.identity.clusterName ?? '', fargateProfileName: name });
        return {
          title: `Delete Fargate profile ${name}?${dryRun ? ' (dry run: nothing is sent)' : ''}`,
          lines: [...textLines(stopsText(name, fates, ec2Nodes)), ...(dryRun ? [`Would send DeleteFargateProfile ${sent}; nothing is backed up or sent.`] : [])],
        };
      }),
    delete: (name, progress) =>
      oneLine(async () => {
        if (dryRun) return `Dry run: DeleteFargateProfile ${name} was not sent; nothing was backed up.`;
        const session = live.current();
        await requireClusterMatch(session);
        const { fates } = await deletion(session, name);
        const bare = fates.filter((f) => f.bare).map((f) => ({ namespace: f.view.pod.namespace, name: f.view.pod.name, uid: f.view.pod.uid }));
        const api = await profileApi(session);
        try {
          const context = session.identity.context;
          const outcome = await deleteProfile(session.kc, api, { name, bare, backupDir, context, journalIndexDir: defaultBackupDir(), wait: true }, { timeoutMs: timeouts.eksMs, onEvent: (e) => progress(e.message) });
          outcome.journal?.finish();
          void live.refreshProfiles();
          const state =
            outcome.end?.state === 'gone' ? `profile ${name} is deleted`
            : outcome.end?.state === 'delete-failed' ? `profile ${name} is DELETE_FAILED: ${outcome.end.described.issues.join('; ') || 'EKS gave no reason'}`
            : `profile ${name} is ${outcome.deleted.profile.status}${outcome.waitError ? ` (${describeError(outcome.waitError)})` : ''}`;
          if (outcome.backups.length === 0) return state;
          const restore = outcome.backups.length === 1 ? `\`${restoreCommand(outcome.backups[0]!.file, context)}\`` : `\`${restorePendingCommand(context)}\``;
          return `${state}; ${outcome.backups.length} bare pod(s) backed up, restore with ${restore}`;
        } finally {
          api.close();
        }
      }),
    previewCreate: (draft) =>
      oneLine(async (): Promise<ProfilePreview> => {
        const { request, text } = await creation(live.current(), draft);
        return {
          title: `${createQuestion(request.fargateProfileName)}${dryRun ? ' (dry run: nothing is sent)' : ''}`,
          lines: [...textLines(text), ...(dryRun ? [`Would send CreateFargateProfile ${JSON.stringify(request)}`] : [])],
        };
      }),
    create: (draft, progress) =>
      oneLine(async () => {
        const session = live.current();
        const { request } = await creation(session, draft);
        if (dryRun) return `Dry run: CreateFargateProfile ${request.fargateProfileName} was not sent.`;
        await requireClusterMatch(session);
        const api = await profileApi(session);
        try {
          const { end } = await createProfile(api, request, { wait: true, timeoutMs: timeouts.eksMs, onEvent: (e) => progress(e.message) });
          void live.refreshProfiles();
          if (end && end.state !== 'active' && 'described' in end) return failureText(end.described);
          return `profile ${request.fargateProfileName} is ACTIVE`;
        } finally {
          api.close();
        }
      }),
  };
}
