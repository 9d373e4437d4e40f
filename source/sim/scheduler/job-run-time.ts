// How long a Job's pod runs before it Succeeds: `timing.jobRunMs`, or N seconds when its first
// container runs `sleep N` (`kubectl create job j --image=busybox -- sleep 300`), so a demo or a
// test can keep a Job's pod running; `sleep infinity` never ends.
import type { Timing } from '../context.js';
import type { Obj } from '../kube/resources.js';

/** setTimeout's limit (~24.8 days); anything longer never ends within a sim's life. */
const LONGEST = 2 ** 31 - 1;
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds until the pod succeeds, or null when it runs until deleted. */
export function jobRunMs(pod: Obj, timing: Pick<Timing, 'jobRunMs'>): number | null {
  const c = pod.spec?.containers?.[0];
  // `sh -c "sleep 30"` carries the command in one word: split words on spaces too.
  const words = [...(c?.command ?? []), ...(c?.args ?? [])].flatMap((w: unknown) => String(w).trim().split(/\s+/));
  const at = words.findIndex((w) => w === 'sleep' || w.endsWith('/sleep'));
  if (at < 0) return timing.jobRunMs;
  const arg = words[at + 1] ?? '';
  if (arg === 'infinity') return null;
  const m = /^(\d+(?:\.\d+)?)(s|m|h|d)?$/.exec(arg);
  if (m === null) return timing.jobRunMs;
  const ms = Number(m[1]) * UNIT_MS[m[2] ?? '']!;
  return ms > LONGEST ? null : ms;
}
