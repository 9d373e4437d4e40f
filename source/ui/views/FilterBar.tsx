import { Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { listRows } from '../app/list-rows.js';
import { commandHint } from '../state/commands.js';
import { describeFilter, parseFilter } from '../state/filter.js';
import { currentList, topScreen, type NavState } from '../state/navigation.js';
import { ONLY_OUTDATED } from '../../view-model/words/upgrade.js';
import type { UIState } from '../app/contexts.js';

function title(state: UIState): string {
  const { nav, view } = state;
  const top = topScreen(nav);
  if (top.kind === 'help') return 'Help';
  if (top.kind === 'detail') return 'Pod detail';
  if (top.kind === 'progress') return 'Reschedule progress';
  const count = listRows(top.kind, view, nav, state.selectors).rows.length;
  if (top.kind === 'namespaces') return `Namespaces [${count}]`;
  if (top.kind === 'profiles') return `Profiles [${count}]`;
  const parts = [`Pods(${nav.namespace ?? 'all'}) [${count}]`, `sort: ${nav.sort}`];
  if (nav.onlyReschedule) parts.push('only needing reschedule');
  if (nav.onlyOutdated) parts.push(ONLY_OUTDATED);
  if (nav.marks.size > 0) parts.push(`${nav.marks.size} marked`);
  return parts.join(' · ');
}

function appliedFilter(nav: NavState): string {
  const list = currentList(nav);
  if (!list || nav.filters[list] === '') return '';
  return describeFilter(parseFilter(nav.filters[list]));
}

/** The title line of the current view; while `:` or `/` is open it becomes that prompt. */
export function FilterBar() {
  const state = useUIState();
  const { nav, theme: t } = state;
  if (nav.prompt) {
    return (
      <Text wrap="truncate">
        <Text {...t.key}>:</Text>
        <Text>{nav.prompt.draft}</Text>
        <Text inverse> </Text>
        <Text {...(nav.prompt.error ? t.status.error : t.text.secondary)}>  {nav.prompt.error ?? commandHint()}</Text>
      </Text>
    );
  }
  if (nav.filterDraft !== null) {
    const parsed = parseFilter(nav.filterDraft);
    return (
      <Text wrap="truncate">
        <Text {...t.key}>/</Text>
        <Text>{nav.filterDraft}</Text>
        <Text inverse> </Text>
        <Text {...(parsed.kind === 'invalid' ? t.status.error : t.text.secondary)}>  {describeFilter(parsed) || 'name substring · !x inverse · -l key=value labels'}</Text>
      </Text>
    );
  }
  const filter = appliedFilter(nav);
  const proposed = topScreen(nav).kind === 'pods' && state.view.profiles.some((p) => p.proposed) ? ' · * = proposed profile' : '';
  return (
    <Text wrap="truncate">
      <Text {...t.text.title}>{title(state)}</Text>
      {filter ? <Text {...t.text.accent}> · filter: {filter}</Text> : null}
      <Text {...t.proposed}>{proposed}</Text>
    </Text>
  );
}
