import { Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { listRows } from '../app/list-rows.js';
import { commandHint } from '../state/commands.js';
import { describeFilter, parseFilter } from '../state/filter.js';
import { topScreen } from '../state/navigation.js';
import { isListScreen, type Screen } from '../state/screen.js';
import { ONLY_OUTDATED } from '../../view-model/words/upgrade.js';
import type { UIState } from '../app/contexts.js';

/** A log's title: the pod, which container of how many, whether the view follows new lines. */
function logTitle(state: UIState, screen: Extract<Screen, { kind: 'logs' }>): string {
  const doc = state.doc;
  const parts = [`Log ${screen.podKey}`];
  const containers = doc?.containers ?? [];
  const container = screen.container ?? doc?.container;
  if (container) parts.push(containers.length > 1 ? `container ${container} (${containers.indexOf(container) + 1}/${containers.length}, tab: next)` : `container ${container}`);
  if (doc?.status === 'ended') parts.push('ended');
  else if (doc?.status === 'error') parts.push('not readable');
  else parts.push(screen.tail ? 'following' : 'paused (G follows)');
  return parts.join(' · ');
}

function title(state: UIState): string {
  const { nav, view } = state;
  const top = topScreen(nav);
  switch (top.kind) {
    case 'help':
      return 'Help';
    case 'detail':
      return `Pod detail · ${top.podKey}`;
    case 'yaml':
      return `YAML · ${top.podKey}`;
    case 'describe':
      return `Describe · ${top.podKey}`;
    case 'logs':
      return logTitle(state, top);
    case 'progress':
      return 'Reschedule progress';
    case 'export':
      return `Export · ${top.profile} · ${top.format} (tab: next form)`;
    default:
      break;
  }
  if (!isListScreen(top)) return '';
  const count = listRows(top, view, nav, state.selectors).rows.length;
  if (top.kind === 'namespaces') return `Namespaces [${count}]`;
  if (top.kind === 'profiles') return `Profiles [${count}]`;
  if (top.kind === 'contexts') return `Contexts [${count}]`;
  if (top.kind === 'profile') return `Profile ${top.profile}: its pods and the pods it would capture [${count}]`;
  const parts = [`Pods(${top.namespace ?? 'all'}) [${count}]`];
  if (nav.onlyReschedule) parts.push('only needing reschedule');
  if (nav.onlyOutdated) parts.push(ONLY_OUTDATED);
  if (nav.marks.size > 0) parts.push(`${nav.marks.size} marked`);
  return parts.join(' · ');
}

function appliedFilter(state: UIState): string {
  const top = topScreen(state.nav);
  if (!isListScreen(top) || top.filter === '') return '';
  return describeFilter(parseFilter(top.filter));
}

/** The title line of the current view; while `:` or `/` is open it becomes that prompt. */
export function FilterBar() {
  const state = useUIState();
  const { nav, theme: t } = state;
  if (nav.prompt) {
    const note = nav.prompt.error ?? nav.prompt.hint ?? `${commandHint()}  (tab completes, ↑ recalls)`;
    return (
      <Text wrap="truncate">
        <Text {...t.key}>:</Text>
        <Text>{nav.prompt.draft}</Text>
        <Text inverse> </Text>
        <Text {...(nav.prompt.error ? t.status.error : t.text.secondary)}>  {note}</Text>
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
        <Text {...(parsed.kind === 'invalid' ? t.status.error : t.text.secondary)}>  {describeFilter(parsed) || 'regular expression · !x inverse · -l key=value labels'}</Text>
      </Text>
    );
  }
  const filter = appliedFilter(state);
  const proposed = topScreen(nav).kind === 'pods' && state.view.profiles.some((p) => p.proposed) ? ' · * = proposed profile' : '';
  return (
    <Text wrap="truncate">
      <Text {...t.text.title}>{title(state)}</Text>
      {filter ? <Text {...t.text.accent}> · filter: {filter}</Text> : null}
      <Text {...t.proposed}>{proposed}</Text>
    </Text>
  );
}
