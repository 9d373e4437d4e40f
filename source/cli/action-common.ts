// What the reschedule and restore faces share: --timeout, progress lines, Ctrl-C handling.
import { parseTimeout as parseWaitTimeout } from '../lib/duration.js';
import { renderColumns } from '../report/columns.js';
import type { Outcome, RescheduleEvent } from '../actions/types.js';
import { outcomeWord } from '../view-model/words/reschedule.js';
import { causeText, onStop, say } from './interrupts.js';

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** --timeout in kubectl duration form; each wait is bounded by it. (Checked by parseArgs already.) */
export function parseTimeout(value: string | undefined): number {
  return value === undefined ? DEFAULT_TIMEOUT_MS : parseWaitTimeout(value, '--timeout');
}

/** One progress line per event, on stderr (stdout stays for results / --json). */
export function progressLine(event: RescheduleEvent): string {
  return `[${event.index}/${event.total}] ${event.pod}: ${event.step}: ${event.message}\n`;
}

export const INTERRUPTED_EXIT = 130;

/**
 * Ctrl-C, SIGTERM, a hang-up and a lost terminal abort the run instead of killing the process:
 * the pod in flight is finished or undone first (see interrupts.ts). The abort reason is the
 * cause (stopExitCode() gives the exit code). Repeated signals only say what is still being done.
 */
export function trapInterrupts(controller: AbortController, describeInFlight: () => string | null): () => void {
  return onStop((cause) => {
    const inFlight = describeInFlight();
    if (!controller.signal.aborted) {
      controller.abort(cause);
      say(process.stderr, `\n${causeText(cause)}: ${inFlight ? `finishing ${inFlight} first, then stopping` : 'stopping'}\n`);
    } else if (cause !== 'output-lost') {
      say(process.stderr, `still finishing ${inFlight ?? 'the pod in flight'}; it will not be left deleted\n`);
    }
  });
}

/** apiVersion of our --json documents. */
export const API_VERSION = 'kubectl-fargate/v1';

/** The human summary of reschedule or restore results: one row per pod. */
export function resultTable(results: readonly { pod: string; outcome: Outcome; message: string }[]): string {
  return renderColumns(results, [
    { header: 'POD', value: (r) => r.pod },
    { header: 'RESULT', value: (r) => outcomeWord(r.outcome).text },
    { header: 'DETAILS', value: (r) => r.message },
  ]);
}
