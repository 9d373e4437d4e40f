// Types for targets.mjs (the release scripts are plain JavaScript so `node` runs them as is).
export interface Target {
  os: 'darwin' | 'linux' | 'windows';
  arch: 'amd64' | 'arm64';
  bunTarget: string;
}
export const TARGETS: readonly Target[];
export const PROJECT: string;
export const REPO_URL: string;
export function targetId(t: Target): string;
export function binName(t: Target): string;
export function completionName(t: Target): string;
export function archiveFiles(t: Target): string[];
export function archiveName(t: Target, version: string): string;
export function releaseUri(t: Target, version: string): string;
export function hostTarget(): Target | undefined;
export function parseTargets(spec: string | undefined): Target[];
