// Checks the ad-hoc code signature of a macOS (Mach-O, 64-bit, thin) executable without macOS.
// Apple Silicon kills (SIGKILL, exit 137) any binary whose signature does not match its bytes,
// and several bun releases wrote bad signatures when compiling for darwin (oven-sh/bun#29120,
// #39764, #39837; bun 1.4.5 still leaves the x64 runtime's own Developer ID signature, with the
// hardened-runtime flag, over bytes it has changed). The release re-signs such executables
// ad hoc, the way the linker does, and refuses to ship one that still fails the check.
import { createHash } from 'node:crypto';

const MH_MAGIC_64 = 0xfeedfacf;
const LC_CODE_SIGNATURE = 0x1d;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const HASHES = { 1: 'sha1', 2: 'sha256' };
const LC_SEGMENT_64 = 0x19;

/** The load commands we need: LC_CODE_SIGNATURE and the __TEXT and __LINKEDIT segments. */
function loadCommands(file) {
  const found = {};
  let offset = 32;
  for (let i = 0; i < file.readUInt32LE(16); i++) {
    const cmd = file.readUInt32LE(offset);
    if (cmd === LC_CODE_SIGNATURE) found.signature = { at: offset, dataoff: file.readUInt32LE(offset + 8), datasize: file.readUInt32LE(offset + 12) };
    if (cmd === LC_SEGMENT_64) {
      const name = file.toString('latin1', offset + 8, offset + 24).replace(/\0.*$/s, '');
      const segment = { at: offset, fileoff: Number(file.readBigUInt64LE(offset + 40)), filesize: Number(file.readBigUInt64LE(offset + 48)) };
      if (name === '__TEXT') found.text = segment;
      if (name === '__LINKEDIT') found.linkedit = segment;
    }
    offset += file.readUInt32LE(offset + 4);
  }
  return found;
}

/**
 * Errors in `file`'s embedded signature: every code page hash, the special-slot hashes of the
 * blobs present, that the signature covers everything before it, and no bytes after it
 * (`codesign --strict`). Empty when the signature is valid.
 * @param {Buffer} file
 * @returns {string[]}
 */
export function machoSignatureErrors(file) {
  if (file.length < 32 || file.readUInt32LE(0) !== MH_MAGIC_64) return ['not a thin 64-bit Mach-O file'];
  const sig = loadCommands(file).signature;
  if (!sig) return ['no LC_CODE_SIGNATURE: the executable is not signed at all'];
  const errors = [];
  if (sig.dataoff + sig.datasize !== file.length) {
    errors.push(`${file.length - sig.dataoff - sig.datasize} bytes after the signature (codesign --strict rejects a stale tail)`);
  }
  const blob = file.subarray(sig.dataoff, sig.dataoff + sig.datasize);
  if (blob.readUInt32BE(0) !== CSMAGIC_EMBEDDED_SIGNATURE) return [...errors, 'signature is not an embedded-signature SuperBlob'];
  const slots = new Map();
  for (let i = 0; i < blob.readUInt32BE(8); i++) slots.set(blob.readUInt32BE(12 + i * 8), blob.readUInt32BE(16 + i * 8));
  const cdAt = slots.get(CSSLOT_CODEDIRECTORY);
  if (cdAt === undefined || blob.readUInt32BE(cdAt) !== CSMAGIC_CODEDIRECTORY) return [...errors, 'no CodeDirectory'];
  const cd = blob.subarray(cdAt, cdAt + blob.readUInt32BE(cdAt + 4));
  const hashOffset = cd.readUInt32BE(16);
  const nSpecialSlots = cd.readUInt32BE(24);
  const nCodeSlots = cd.readUInt32BE(28);
  const codeLimit = cd.readUInt32BE(32);
  const hashSize = cd.readUInt8(36);
  const algorithm = HASHES[cd.readUInt8(37)];
  const pageSize = 2 ** cd.readUInt8(39);
  if (!algorithm) return [...errors, `unknown hash type ${cd.readUInt8(37)}`];
  if (codeLimit !== sig.dataoff) errors.push(`signature covers ${codeLimit} bytes, but the code runs to ${sig.dataoff}`);
  if (nCodeSlots !== Math.ceil(codeLimit / pageSize)) errors.push(`${nCodeSlots} code slots for ${codeLimit} bytes of ${pageSize}-byte pages`);
  let bad = 0;
  for (let i = 0; i < nCodeSlots; i++) {
    const page = file.subarray(i * pageSize, Math.min((i + 1) * pageSize, codeLimit));
    const expected = cd.subarray(hashOffset + i * hashSize, hashOffset + (i + 1) * hashSize);
    if (!createHash(algorithm).update(page).digest().subarray(0, hashSize).equals(expected)) bad++;
  }
  if (bad > 0) errors.push(`${bad} of ${nCodeSlots} code page hashes do not match`);
  // Special slot -n holds the hash of the blob of type n (requirements 2, entitlements 5, ...).
  for (const [type, at] of slots) {
    if (type === CSSLOT_CODEDIRECTORY || type >= 0x1000 || type > nSpecialSlots) continue;
    const special = blob.subarray(at, at + blob.readUInt32BE(at + 4));
    const expected = cd.subarray(hashOffset - type * hashSize, hashOffset - (type - 1) * hashSize);
    if (!createHash(algorithm).update(special).digest().subarray(0, hashSize).equals(expected)) errors.push(`special slot -${type} hash does not match`);
  }
  return errors;
}

/**
 * Replaces the signature with a fresh ad-hoc one of the kind ld64 writes ("linker-signed": one
 * SHA-256 CodeDirectory, no entitlements, no hardened runtime), covering every byte before the
 * signature. The signature must be the last thing in the file, at the end of __LINKEDIT (as bun
 * leaves it); __LINKEDIT and LC_CODE_SIGNATURE are resized to the new signature.
 * @param {Buffer} file
 * @returns {Buffer} a new buffer
 */
export function adhocSign(file, identifier) {
  const { signature, text, linkedit } = loadCommands(file);
  if (!signature || !text || !linkedit) throw new Error('no LC_CODE_SIGNATURE, __TEXT or __LINKEDIT to re-sign');
  if (linkedit.fileoff + linkedit.filesize !== signature.dataoff + signature.datasize) throw new Error('the signature is not at the end of __LINKEDIT');
  const pageSize = 4096;
  const codeLimit = signature.dataoff;
  const nCodeSlots = Math.ceil(codeLimit / pageSize);
  const ident = Buffer.from(`${identifier}\0`, 'latin1');
  const headerSize = 88; // CodeDirectory version 0x20400, up to execSegFlags
  const hashOffset = headerSize + ident.length;
  const cdLength = hashOffset + nCodeSlots * 32;
  const superLength = 20 + cdLength;

  const out = Buffer.alloc(codeLimit + superLength);
  file.copy(out, 0, 0, codeLimit);
  // Load commands first: they are in page 0, which the CodeDirectory hashes.
  out.writeUInt32LE(superLength, signature.at + 12);
  const linkeditSize = codeLimit + superLength - linkedit.fileoff;
  const vmPage = 0x1000; // as bun's own signer does (its arm64 output runs on Apple Silicon)
  out.writeBigUInt64LE(BigInt(Math.ceil(linkeditSize / vmPage) * vmPage), linkedit.at + 32); // vmsize
  out.writeBigUInt64LE(BigInt(linkeditSize), linkedit.at + 48); // filesize

  const blob = out.subarray(codeLimit);
  blob.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  blob.writeUInt32BE(superLength, 4);
  blob.writeUInt32BE(1, 8); // one blob:
  blob.writeUInt32BE(CSSLOT_CODEDIRECTORY, 12);
  blob.writeUInt32BE(20, 16); // the CodeDirectory, right after the index
  const cd = blob.subarray(20);
  cd.writeUInt32BE(CSMAGIC_CODEDIRECTORY, 0);
  cd.writeUInt32BE(cdLength, 4);
  cd.writeUInt32BE(0x20400, 8); // version
  cd.writeUInt32BE(0x20002, 12); // CS_ADHOC | CS_LINKER_SIGNED
  cd.writeUInt32BE(hashOffset, 16);
  cd.writeUInt32BE(headerSize, 20); // identOffset
  cd.writeUInt32BE(0, 24); // nSpecialSlots
  cd.writeUInt32BE(nCodeSlots, 28);
  cd.writeUInt32BE(codeLimit, 32);
  cd.writeUInt8(32, 36); // hashSize
  cd.writeUInt8(2, 37); // SHA-256
  cd.writeUInt8(0, 38); // platform
  cd.writeUInt8(12, 39); // log2(pageSize)
  cd.writeBigUInt64BE(BigInt(text.fileoff), 64); // execSegBase
  cd.writeBigUInt64BE(BigInt(text.filesize), 72); // execSegLimit
  cd.writeBigUInt64BE(1n, 80); // CS_EXECSEG_MAIN_BINARY
  ident.copy(cd, headerSize);
  for (let i = 0; i < nCodeSlots; i++) {
    const page = out.subarray(i * pageSize, Math.min((i + 1) * pageSize, codeLimit));
    createHash('sha256').update(page).digest().copy(cd, hashOffset + i * 32);
  }
  return out;
}
