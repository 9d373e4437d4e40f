// Types for build-stamp.mjs.
export const BUILD_INPUTS: readonly string[];
export function buildInputsDigest(root: string, env?: NodeJS.ProcessEnv): Promise<string>;
export function stampPath(root: string, outdir: string): string;
export function isBuildFresh(root: string, outdir: string, inputs: string): Promise<boolean>;
export function forgetBuild(root: string, outdir: string): Promise<void>;
export function recordBuild(root: string, outdir: string, inputs: string): Promise<void>;
export function metafilePath(root: string, outdir: string): string;
