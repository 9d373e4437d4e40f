// `kubectl-fargate __complete WORD... CURRENT` (hidden): cobra's completion protocol, which kubectl
// >= 1.26 speaks to `kubectl_complete-fargate` and the scripts of `kubectl fargate completion`
// speak to us. One candidate per line (`value<TAB>description`), then `:<directive>`. Nothing
// goes to stderr and the exit code is 0 whatever happens: a TAB must never print an error.
import { Directive, complete, type CompletionResult } from './completion-engine.js';
import { liveValues } from './completion-values.js';

/** The hidden commands: cobra's names (`__completeNoDesc` leaves out the descriptions). */
export const COMPLETE_REQUESTS = ['__complete', '__completeNoDesc'] as const;

export function completionOutput(result: CompletionResult, descriptions: boolean): string {
  // A tab or newline inside a value or description would break the line format.
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = result.candidates.map((c) => (descriptions && c.description ? `${clean(c.value)}\t${clean(c.description)}` : clean(c.value)));
  return `${[...lines, `:${result.directive}`].join('\n')}\n`;
}

export async function runCompleteRequest(request: string, words: string[]): Promise<number> {
  let result: CompletionResult;
  try {
    result = await complete(words, liveValues());
  } catch {
    result = { candidates: [], directive: Directive.noFileComp };
  }
  process.stdout.write(completionOutput(result, request === '__complete'));
  return 0;
}
