// Prints README's key table from the keymap and the `:` prompt's command table
// (`npx tsx scripts/readme-keys.ts`); a test checks README holds exactly these tables, so the
// docs cannot drift from the keys.
import { HELP_SECTIONS, isInputKind, KEYMAP, type Binding, type InputKind } from '../source/ui/keymap.js';
import { COMMANDS, commandUsage, type PromptCommand } from '../source/ui/state/commands.js';

const INPUT_NAME: Record<InputKind, string> = { command: '`:` prompt', filter: '`/` filter', confirm: 'y/n dialog', 'typed-confirm': 'typed confirmation', form: 'create form' };

function where(binding: Binding, keymap: readonly Binding[]): string {
  const screens = new Set(keymap.flatMap((b) => b.screens).filter((s) => !isInputKind(s)));
  if ([...screens].every((s) => binding.screens.includes(s))) return 'everywhere';
  return binding.screens.map((s) => (isInputKind(s) ? INPUT_NAME[s] : s)).join(', ');
}

function note(binding: Binding): string {
  const notes: string[] = [];
  if (binding.destructive) notes.push('asks first');
  if (binding.requires === 'reschedule') notes.push('only where you may reschedule pods; never with `--read-only`');
  if (binding.requires === 'run') notes.push('once a reschedule has started');
  if (binding.alone) notes.push('only when pressed on its own, not in a paste or burst');
  return notes.join('; ');
}

/** One row per binding, in the order of the `?` help screen. */
export function keyTableMarkdown(keymap: readonly Binding[] = KEYMAP): string {
  const rows = HELP_SECTIONS.flatMap((section) => keymap.filter((b) => b.section === section));
  return [
    '| Keys | What it does | Where | Notes |',
    '| --- | --- | --- | --- |',
    ...rows.map((b) => `| ${b.keys.map((k) => `\`${k.label}\``).join(' ')} | ${b.description} | ${where(b, keymap)} | ${note(b)} |`),
  ].join('\n');
}

/** One row per command of the `:` prompt. */
export function commandTableMarkdown(commands: readonly PromptCommand[] = COMMANDS): string {
  return [
    '| Command | What it does | Also |',
    '| --- | --- | --- |',
    ...commands.map((c) => `| \`${commandUsage(c)}\` | ${c.description} | ${c.names.slice(1).map((n) => `\`:${n}\``).join(' ')} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`${keyTableMarkdown()}\n\n${commandTableMarkdown()}`);
