// Types for inputs-digest.mjs.
export function releaseInputsDigest(root: string, distDir?: string): Promise<string>;
