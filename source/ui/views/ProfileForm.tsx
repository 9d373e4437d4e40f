import { Box, Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { dialogWidth } from '../state/dialog-layout.js';
import type { FormField } from '../state/navigation.js';
import { SELECTOR_SYNTAX } from '../../domain/profile-spec.js';

const LABELS: Record<FormField, string> = { name: 'Name     ', selectors: 'Selectors' };

/** `c`: the new profile's name and selectors; enter shows the what-if (nothing is sent before `y` there). */
export function ProfileForm() {
  const { nav, theme: t, layout } = useUIState();
  const modal = nav.modal;
  if (modal?.kind !== 'form') return null;
  const field = (name: FormField) => (
    <Text wrap="truncate">
      <Text {...(modal.field === name ? t.text.title : t.text.secondary)}>{`${modal.field === name ? '›' : ' '} ${LABELS[name]} `}</Text>
      {modal.draft[name]}
      {modal.field === name ? <Text inverse> </Text> : null}
    </Text>
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={dialogWidth(layout.columns)}>
      <Text {...t.status.warn}>Create a Fargate profile</Text>
      {field('name')}
      {field('selectors')}
      <Text {...t.text.secondary} wrap="truncate">{`  selectors: ${SELECTOR_SYNTAX}, several joined by ; (wildcards * and ? allowed)`}</Text>
      <Text> </Text>
      <Text wrap="truncate" {...(modal.hint ? t.status.error : {})}>
        {modal.hint ?? 'tab: next field · enter: the what-if (nothing is sent yet) · esc: cancel'}
      </Text>
    </Box>
  );
}
