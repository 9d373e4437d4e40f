import type { ProfileSummary } from '../../view-model/cluster-view.js';
import { selectorText } from '../../view-model/words/profile.js';
import { useUIState } from '../app/contexts.js';
import { profileRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { usdWord } from '../../view-model/words/price.js';
import { profileRowKey } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import type { Style, Theme } from '../theme.js';
import { ListTable } from './ListTable.js';

/** The role name is the useful part of an execution role ARN. */
const roleName = (arn: string | null): string => (arn ? (arn.split('/').pop() ?? arn) : '-');

function statusStyle(theme: Theme, row: ProfileSummary): Style | undefined {
  if (row.effect === 'effective') return theme.status.ok;
  if (row.effect === 'not yet effective') return theme.status.warn;
  return theme.status.error;
}

function columns(theme: Theme): Column<ProfileSummary>[] {
  return [
    {
      id: 'name',
      header: 'PROFILE',
      width: 16,
      flex: true,
      priority: 0,
      cell: (r) => (r.proposed ? `${r.profile.name} (proposed)` : r.profile.name),
      style: (r) => (r.proposed ? theme.proposed : undefined),
    },
    { id: 'status', header: 'STATUS', width: 13, priority: 0, cell: (r) => r.profile.status, style: (r) => statusStyle(theme, r) },
    { id: 'selectors', header: 'SELECTORS', width: 22, flex: true, priority: 1, cell: (r) => r.profile.selectors.map(selectorText).join('; ') },
    { id: 'running', header: 'RUNNING', width: 7, priority: 0, align: 'right', cell: (r) => String(r.running) },
    { id: 'capture', header: 'CAPTURES', width: 8, priority: 0, align: 'right', cell: (r) => String(r.wouldCapture) },
    { id: 'usd', header: 'USD/H', width: 8, priority: 5, align: 'right', cell: (r) => usdWord(r.hourlyUsd).text },
    { id: 'subnets', header: 'SUBNETS', width: 18, flex: true, priority: 3, cell: (r) => r.profile.subnets.join(',') || '-' },
    { id: 'role', header: 'EXECUTION ROLE', width: 20, priority: 4, cell: (r) => roleName(r.profile.podExecutionRoleArn) },
  ];
}

/** Profiles: status, selectors, subnets, role; pods running under each and pods it would capture now (enter lists them). */
export function ProfilesView({ screen }: { screen: Extract<ListScreen, { kind: 'profiles' }> }) {
  const { view, nav, selectors, theme } = useUIState();
  return (
    <ListTable
      list={profileRows(view, nav, selectors, screen)}
      columns={columns(theme)}
      rowKey={profileRowKey}
      emptyText={view.profilesKnown ? 'No Fargate profiles.' : 'Fargate profiles are not known (see the status bar).'}
    />
  );
}
