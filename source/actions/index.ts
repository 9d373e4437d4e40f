// The actions API the faces (CLI, TUI) use. Business logic lives here, not in React: a face
// plans, shows planSummary() for confirmation, then startReschedule() and renders its events.
export { planForKeys, planReschedule, planSummary, podsNeedingReschedule } from './plan.js';
export type { PlanSummary } from './plan.js';
export { finishRunsInFlight, reschedule, startReschedule } from './reschedule.js';
export type { RescheduleOptions, RescheduleRun } from './reschedule.js';
export { restore } from './restore.js';
export type { RestoreOptions } from './restore.js';
export { defaultBackupDir, readManifestFile, restoreCommand, restoreHint } from './backup.js';
export { describeRecreates, recreateManifest } from './manifest-source.js';
export type { ManifestSource, RecreateManifest } from './manifest-source.js';
export { pendingRestores, markRestored } from './journal-scan.js';
export type { PendingRestore } from './journal-scan.js';
export type * from './types.js';
