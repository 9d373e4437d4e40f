// Types for build-notices.mjs.
export const NOTICES_FILE: string;
export function bundledPackageDirs(metafile: { inputs: Record<string, unknown> }, root: string): Promise<Set<string>>;
export function renderNotices(input: { root: string; dirs: Set<string>; product: string }): Promise<{ text: string; packages: { name: string; version: string; licenses: string }[] }>;
