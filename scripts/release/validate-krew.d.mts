// Types for validate-krew.mjs. Manifests are parsed YAML, so they are `unknown` on the way in.
import type { ArchiveEntry } from './archive.mjs';
export interface OsArch {
  os: string;
  arch: string;
}
export const KREW_API_VERSION: string;
export const SUPPORTED_PLATFORMS: readonly OsArch[];
export function isSafePluginName(name: string): boolean;
export function validatePlugin(plugin: unknown, name: string): string[];
export function selectorMatches(selector: unknown, env: OsArch): boolean;
export function validateManifest(plugin: unknown, fileName: string): { errors: string[]; warnings: string[] };
export function platformEnv(platform: unknown): OsArch | undefined;
export function installedFiles(entries: ArchiveEntry[], files: { from: string; to: string }[] | undefined | null): { from: string; to: string }[];
export function validateArchives(plugin: unknown, dir: string): Promise<string[]>;
