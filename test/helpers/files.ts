// Temporary directories, and the files a run leaves in them (backups beside their run journals).
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

/** Every file under dir. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const entry of entries) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The backup files under dir (not the run journals beside them). */
export const backupsUnder = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.yaml'));

/** The run journals under dir. */
export const journalsUnder = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.jsonl'));
