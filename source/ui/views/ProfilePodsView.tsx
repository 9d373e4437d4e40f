import type { PodView } from '../../view-model/cluster-view.js';
import { PROFILE_RELATION_HEADER, profileRelationWord } from '../../view-model/words/profile.js';
import { useUIState } from '../app/contexts.js';
import { profilePodRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { podRowKey } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import { toneStyle } from '../theme.js';
import { ListTable } from './ListTable.js';
import { podColumns } from './PodsView.js';

/**
 * `enter` on a profile: the pods it runs and the pods it would capture if they were created now,
 * with how each stands to it first; the pod columns as in the pods view (enter opens a pod).
 */
export function ProfilePodsView({ screen }: { screen: Extract<ListScreen, { kind: 'profile' }> }) {
  const { view, nav, selectors, theme, now } = useUIState();
  const relation: Column<PodView> = {
    id: 'relation',
    header: PROFILE_RELATION_HEADER,
    width: 17,
    minWidth: 8,
    priority: 0,
    cell: (r) => profileRelationWord(r, screen.profile)?.text ?? '',
    style: (r) => toneStyle(theme, profileRelationWord(r, screen.profile)?.tone),
  };
  const pods = podColumns(theme, { allNamespaces: true, proposed: view.proposed, now, sort: nav.sort }).filter((c) => c.id !== 'reason' && c.id !== 'size');
  const [namespace, name, ...rest] = pods;
  return (
    <ListTable
      list={profilePodRows(view, nav, selectors, screen)}
      columns={[namespace!, name!, relation, ...rest]}
      rowKey={podRowKey}
      changedAt={view.changedAt}
      emptyText={`No pod runs under ${screen.profile}, and none would go to it now.`}
    />
  );
}
