// The text the profile subcommands print before they act: the profile to be sent, which pods it
// would capture (the what-if), what deleting a profile does to its pods. Tables read as every
// other table does (view-model/words).
import type { ProfileSpec } from '../domain/profile-spec.js';
import { renderColumns } from '../report/columns.js';
import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import type { CreateWhatIf, Fate } from '../view-model/profile-what-if.js';
import { POD_FACTS, ownerWord } from '../view-model/words/pod.js';
import { selectorsWords, stoppedFateText } from '../view-model/words/profile.js';
import { countText } from '../view-model/words/reschedule.js';

/** Where the role and subnets came from, for the spec's lines. */
export interface SpecSources {
  role: string;
  subnets: string;
}

export function specText(spec: ProfileSpec, sources: SpecSources, title = 'Fargate profile'): string {
  const tags = Object.entries(spec.tags).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    `${title} ${spec.name}: selectors ${selectorsWords(spec.selectors)}`,
    `  pod execution role ${spec.podExecutionRoleArn} (${sources.role})`,
    `  subnets ${spec.subnets.length > 0 ? spec.subnets.join(', ') : "EKS's default"} (${sources.subnets})`,
    ...(tags ? [`  tags ${tags}`] : []),
  ].join('\n') + '\n';
}

/** The pods a proposal would capture, those a reschedule would move first. */
export function whatIfText(after: ClusterView, name: string, whatIf: CreateWhatIf): string {
  const { captures, moves } = whatIf;
  if (captures.length === 0) return `What if: ${name} would capture no pod running now (it applies to pods created later).\n`;
  const head = `What if: ${name} would take ${countText(captures.length, 'pod')} if re-created now; ${moves.length} of them would move on a reschedule:\n`;
  const ordered = [...moves, ...captures.filter((v) => !moves.includes(v))];
  return head + podTable(after, ordered);
}

function podTable(view: ClusterView, pods: readonly PodView[]): string {
  const context = { proposed: view.proposed, now: Date.now() };
  const fact = (id: keyof typeof POD_FACTS) => ({ header: POD_FACTS[id].header, value: (v: PodView) => POD_FACTS[id].word(v, context).text });
  return renderColumns(pods, [{ header: 'POD', value: (v) => v.key }, fact('runsOn'), fact('current'), fact('expected'), fact('verdict')]);
}

/** What EKS does to each pod of a deleted profile. */
export function stopsText(name: string, fates: readonly Fate[], ec2Nodes: boolean): string {
  if (fates.length === 0) return `Profile ${name} runs no pods: deleting it stops nothing.\n`;
  const bare = fates.filter((f) => f.bare).length;
  const head =
    `Deleting profile ${name} makes EKS stop the ${countText(fates.length, 'pod')} it launched, at once (PodDisruptionBudgets are not consulted)` +
    (bare > 0 ? `; ${countText(bare, 'bare pod')} ${bare === 1 ? 'is' : 'are'} backed up first:\n` : ':\n');
  return (
    head +
    renderColumns(fates, [
      { header: 'POD', value: (f) => f.view.key },
      { header: 'OWNER', value: (f) => ownerWord(f.view.pod.owner).text },
      { header: 'THEN', value: (f) => stoppedFateText(f, ec2Nodes) },
    ])
  );
}
