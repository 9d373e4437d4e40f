// Types for archive.mjs.
export interface ArchiveEntry {
  name: string;
  /** Unix mode; null for zip entries. */
  mode: number | null;
  size: number;
}
export function writeArchive(input: { dir: string; names: string[]; executables: string[]; outfile: string }): Promise<{ file: string; sha256: string }>;
export function sha256File(file: string): Promise<string>;
export function listArchive(file: string): Promise<ArchiveEntry[]>;
export function extractArchive(file: string, dir: string): Promise<void>;
