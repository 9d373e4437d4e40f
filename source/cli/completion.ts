// `kubectl fargate completion bash|zsh|fish|powershell`: prints the shell's completion script
// for the kubectl-fargate command. (`kubectl fargate <TAB>` is completed by kubectl's own
// completion, which runs the kubectl_complete-fargate executable shipped beside this one.)
import { UsageError } from '../errors.js';
import { bashScript } from './completion-bash.js';
import { fishScript } from './completion-fish.js';
import { powershellScript } from './completion-powershell.js';
import { SHELLS, type Shell } from './completion-words.js';
import { zshScript } from './completion-zsh.js';
import type { Options } from './flags.js';

const PROGRAM = 'kubectl-fargate';

const SCRIPTS: Record<Shell, (program: string) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript, powershell: powershellScript };

export function completionScript(args: readonly string[]): string {
  const [shell, extra] = args;
  const choices = `${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`;
  if (shell === undefined) throw new UsageError('completion needs a shell', `e.g. kubectl fargate completion bash (${choices})`);
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`unsupported shell "${shell}"`, `use ${choices}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, 'completion takes one shell');
  return SCRIPTS[shell as Shell](PROGRAM);
}

export function runCompletion(options: Options): number {
  process.stdout.write(completionScript(options.args));
  return 0;
}
