// Types for macho-signature.mjs.
export function machoSignatureErrors(file: Buffer): string[];
export function adhocSign(file: Buffer, identifier: string): Buffer;
