// Prints README's key table from the keymap (`npx tsx scripts/readme-keys.ts`); a test checks
// README holds exactly this table, so the docs cannot drift from the keys.
import { HELP_SECTIONS, KEYMAP, type Binding } from '../source/ui/keymap.js';

function where(binding: Binding, keymap: readonly Binding[]): string {
  const screens = new Set(keymap.flatMap((b) => b.screens));
  return [...screens].every((s) => binding.screens.includes(s)) ? 'everywhere' : binding.screens.join(', ');
}

function note(binding: Binding): string {
  const notes: string[] = [];
  if (binding.destructive) notes.push('asks first');
  if (binding.requires === 'reschedule') notes.push('only where you may reschedule pods; never with `--read-only`');
  if (binding.requires === 'run') notes.push('once a reschedule has started');
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

if (import.meta.url === `file://${process.argv[1]}`) console.log(keyTableMarkdown());
