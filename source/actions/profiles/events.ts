// Progress of a profile command, one line each: what is being sent or waited for. Faces print
// them (the CLI on stderr, the TUI in its status bar).

export type ProfileStep =
  | 'busy'
  | 'create'
  | 'status'
  | 'backup'
  | 'delete'
  | 'restore'
  | 'reschedule'
  | 'journal';

export interface ProfileEvent {
  step: ProfileStep;
  message: string;
  /** Epoch ms. */
  at: number;
}

export type ProfileEventSink = (event: ProfileEvent) => void;

export const profileEvent = (step: ProfileStep, message: string): ProfileEvent => ({ step, message, at: Date.now() });

/** "EKS is busy: ..." — said each time a write waits for another profile (EKS changes one at a time). */
export function busyText(busy: { profile: string | null; status: string }): string {
  if (busy.profile === null) return 'EKS is busy with an update of the cluster; waiting for it to finish';
  return `EKS is busy: profile ${busy.profile} is ${busy.status}, and EKS creates or deletes one profile at a time; waiting for it`;
}
