// Packs an executable, its completion hook and the licences the way krew expects (.tar.gz,
// .zip for Windows), and reads archives back for validation and tests. Archives are
// deterministic for the same input files: fixed mtimes, sorted entries, fixed modes, no owner
// names; so a rebuild of an identical binary gives an identical sha256.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as tar from 'tar';
import { unzipSync, zipSync } from 'fflate';

/** Every entry's modification time: SOURCE_DATE_EPOCH (the reproducible-builds convention) or 2020-01-01. */
function fixedTime() {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch > 315532800 ? epoch * 1000 : Date.UTC(2020, 0, 1));
}

/**
 * Writes `outfile` (.tar.gz or .zip, from its name) holding `names`, files of `dir`, at the
 * archive's root. The `executables` get mode 0755, everything else 0644.
 */
export async function writeArchive({ dir, names, executables, outfile }) {
  const sorted = [...names].sort();
  for (const name of sorted) await chmod(join(dir, name), executables.includes(name) ? 0o755 : 0o644);
  if (outfile.endsWith('.zip')) await writeZip(dir, sorted, executables, outfile);
  else if (outfile.endsWith('.tar.gz')) await writeTarGz(dir, sorted, outfile);
  else throw new Error(`unknown archive type: ${outfile}`);
  return { file: outfile, sha256: await sha256File(outfile) };
}

async function writeTarGz(dir, names, outfile) {
  // portable: no uid/gid/uname/atime/ctime, a umask-0o22 mode, and a gzip header without
  // mtime or OS; noDirRecurse + explicit names: exactly these entries, in this order.
  await tar.c({ file: outfile, cwd: dir, gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime: fixedTime() }, names);
}

async function writeZip(dir, names, executables, outfile) {
  // Zip stores local time: build a Date whose *local* fields are the fixed UTC ones, so the
  // bytes do not depend on the build machine's time zone.
  const t = fixedTime();
  const mtime = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
  const entries = {};
  for (const name of names) {
    const mode = executables.includes(name) ? 0o100755 : 0o100644;
    // os 3 (Unix) + mode in the high bits: unzip on macOS/Linux keeps the executable bit.
    entries[name] = [new Uint8Array(await readFile(join(dir, name))), { mtime, level: 9, os: 3, attrs: (mode << 16) >>> 0 }];
  }
  await writeFile(outfile, zipSync(entries));
}

/** Lowercase hex sha256 of a file, streamed (the executables are ~100 MB). */
export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The regular files in an archive: name, Unix mode (null when the zip entry has none) and size.
 * @returns {Promise<{name: string, mode: number | null, size: number}[]>}
 */
export async function listArchive(file) {
  const entries = [];
  if (file.endsWith('.zip')) {
    const data = new Uint8Array(await readFile(file));
    // The filter sees each entry's header; returning false skips inflating it.
    unzipSync(data, {
      filter(entry) {
        if (!entry.name.endsWith('/')) entries.push({ name: entry.name, mode: null, size: entry.originalSize });
        return false;
      },
    });
    return entries;
  }
  await tar.t({
    file,
    onReadEntry(entry) {
      if (entry.type === 'File') entries.push({ name: entry.path, mode: entry.mode ?? null, size: entry.size });
    },
  });
  return entries;
}

/** Extracts an archive into `dir` (which must exist), keeping modes. */
export async function extractArchive(file, dir) {
  if (file.endsWith('.zip')) {
    const files = unzipSync(new Uint8Array(await readFile(file)));
    for (const [name, data] of Object.entries(files)) {
      if (basename(name) !== name) throw new Error(`unexpected nested entry ${name} in ${file}`);
      await writeFile(join(dir, name), data);
    }
    return;
  }
  await tar.x({ file, cwd: dir });
}
