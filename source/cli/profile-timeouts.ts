// --timeout for profile commands: EKS takes minutes to create or delete a profile, pods seconds to
// move. Given, it bounds every wait; not given, each kind of wait has its own default.
import { DEFAULT_TIMEOUT_MS, parseTimeout } from './action-common.js';

/** How long to wait for EKS (a profile ACTIVE or gone, or another profile to settle) by default. */
export const PROFILE_WAIT_MS = 15 * 60_000;

export interface Timeouts {
  /** Profile waits. */
  eksMs: number;
  /** Pod waits (reschedule, restore). */
  podMs: number;
}

export function parseWaitTimeout(value: string | undefined): Timeouts {
  if (value === undefined) return { eksMs: PROFILE_WAIT_MS, podMs: DEFAULT_TIMEOUT_MS };
  const ms = parseTimeout(value);
  return { eksMs: ms, podMs: ms };
}
