// `profile list` (the profiles table, with pods running and captured) and `profile export
// [NAME...] -o eksctl|terraform|cloudformation|json`. Reads only; --profiles-file profiles are
// listed and exported too (as proposals), so an eksctl file converts to Terraform with --no-aws.
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { exportProfiles, type ExportFormat } from '../report/profile-export.js';
import { profileListDocument, profileTable } from '../report/profile-table.js';
import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import { buildClusterView } from '../view-model/cluster-view.js';
import { API_VERSION } from './action-common.js';
import type { Options } from './flags.js';
import { say } from './interrupts.js';
import type { ProfileCommand } from './profile-usage.js';
import { openSession } from './session.js';

export async function runProfileRead(options: Options, command: ProfileCommand): Promise<number> {
  const session = await openSession(options);
  try {
    const profiles = session.startProfiles();
    const loads: Promise<unknown>[] = [profiles.refreshNow()];
    // Only the list counts pods; an export needs the profiles alone.
    if (command.sub === 'list') loads.push(loadClusterOnce(session.kc, { namespace: null, timeoutMs: session.requestTimeoutMs, skip: ['events'] }, session.store));
    await Promise.all(loads);
    profiles.stop();
    const snapshot = session.store.flush();
    const { state, message } = snapshot.profilesStatus;
    if (state !== 'ok' && state !== 'file-only') throw new UserError(`cannot read the Fargate profiles of EKS: ${message ?? state}`, { hint: 'allow eks:ListFargateProfiles and eks:DescribeFargateProfile, or pass --no-aws with --profiles-file' });
    for (const warning of snapshot.warnings) say(process.stderr, `warning: ${warning}\n`);
    const view = buildClusterView(snapshot);

    if (command.sub === 'list') {
      if (options.output === 'json') say(process.stdout, `${JSON.stringify(profileListDocument(view, API_VERSION), null, 2)}\n`);
      else if (options.output === 'yaml') say(process.stdout, stringify(profileListDocument(view, API_VERSION)));
      else if (view.profiles.length === 0) say(process.stderr, `No Fargate profiles in cluster ${view.identity.clusterName ?? '(unknown)'}.\n`);
      else say(process.stdout, profileTable(view, { wide: options.output === 'wide', headers: options.headers }));
      return 0;
    }

    const all = snapshot.profiles;
    const missing = command.names.filter((n) => !all.some((p) => p.name === n));
    if (missing.length > 0) {
      throw new UserError(`no Fargate profile ${missing.join(', ')} in cluster ${session.identity.clusterName ?? '(unknown)'}`, { hint: all.length > 0 ? `it has: ${all.map((p) => p.name).join(', ')}` : 'it has none' });
    }
    const chosen = command.names.length === 0 ? all : command.names.map((n) => all.find((p) => p.name === n)!);
    if (chosen.length === 0) throw new UserError(`cluster ${session.identity.clusterName ?? '(unknown)'} has no Fargate profiles to export`);
    for (const p of chosen) if (p.status !== 'ACTIVE' && p.source === 'eks') say(process.stderr, `warning: profile ${p.name} is ${p.status}: exported as it is described\n`);
    const format: ExportFormat = options.profileFormat ?? (options.output === 'json' ? 'json' : 'eksctl');
    say(process.stdout, exportProfiles(chosen, format, { name: session.identity.clusterName ?? 'CLUSTER', region: session.identity.region }));
    return 0;
  } finally {
    await session.close();
  }
}
