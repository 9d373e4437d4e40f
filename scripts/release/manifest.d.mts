// Types for manifest.mjs.
export const PLUGIN_NAME: string;
export const KREW_API_VERSION: string;
export function renderManifest(input: { version: string; sha256: Record<string, string> }): string;
export function renderKrewTemplate(): string;
