// Backups of bare pods, written before they are deleted: the only copy of a pod while it is gone.
// Private (dir 0700, file 0600) and on disk (file and directory fsynced) before this returns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { UserError, errorText } from '../errors.js';
import { shellCommand } from '../lib/shell-quote.js';

export interface Backup {
  file: string;
  /** The manifest as written (what a restore creates). */
  manifest: Record<string, unknown>;
}

export interface BackupInput {
  /** The root, e.g. defaultBackupDir() or --backup-dir. */
  dir: string;
  /** kubeconfig context name: backups of different clusters never mix. */
  context: string;
  manifest: Record<string, any>;
  /** The uid of the pod being backed up (for the header). */
  uid?: string;
  /** Extra header lines (where the manifest came from), without the leading '# '. */
  notes?: readonly string[];
  now?: Date;
}

/** $XDG_STATE_HOME/kubectl-fargate/backups, else ~/.local/state/..., (%LOCALAPPDATA% on Windows). */
export function defaultBackupDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.XDG_STATE_HOME) return path.join(env.XDG_STATE_HOME, 'kubectl-fargate', 'backups');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'kubectl-fargate', 'backups');
  return path.join(env.HOME || os.homedir(), '.local', 'state', 'kubectl-fargate', 'backups');
}

/** A context name as one path segment (ARNs have ':' and '/'). */
export const safeSegment = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || '_';

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('.', '');

/** Write the manifest under <dir>/<context>/<namespace>/<name>-<timestamp>.yaml and fsync it. */
export function writeBackup(input: BackupInput): Backup {
  const meta = input.manifest.metadata ?? {};
  const namespace = String(meta.namespace ?? 'default');
  const name = String(meta.name ?? 'pod');
  const dir = path.join(input.dir, safeSegment(input.context), safeSegment(namespace));
  try {
    makePrivateDirs(dir);
  } catch (error) {
    throw new UserError(`cannot create the backup directory ${dir}: ${errorText(error)}`, { hint: 'pass --backup-dir DIR' });
  }
  const now = input.now ?? new Date();
  const body = stringify(input.manifest);

  for (let attempt = 0; ; attempt++) {
    const file = path.join(dir, `${safeSegment(name)}-${stamp(now)}${attempt === 0 ? '' : `-${attempt}`}.yaml`);
    const header = [
      `# kubectl-fargate backup of pod ${namespace}/${name}${input.uid ? ` (uid ${input.uid})` : ''}`,
      `# context ${input.context}, written ${now.toISOString()} before the pod was deleted to reschedule it`,
      `# restore: ${restoreCommand(file, input.context)}   (or: ${applyCommand(file, input.context)})`,
      ...(input.notes ?? []).map((note) => `# ${note}`),
    ];
    // A line break in a path or note would end the comment and change the YAML below it.
    const text = [...header.map((line) => line.replace(/[\r\n]/g, ' ')), body].join('\n');
    let fd: number;
    try {
      // 'wx': never overwrite an earlier backup (two reschedules in one millisecond).
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      throw new UserError(`cannot write the backup ${file}: ${errorText(error)}`, { hint: 'pass --backup-dir DIR' });
    }
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      throw new UserError(`cannot write the backup ${file}: ${errorText(error)}`, { hint: 'pass --backup-dir DIR' });
    }
    fs.closeSync(fd);
    syncDir(dir);
    return { file, manifest: input.manifest };
  }
}

/** Create each missing directory with mode 0700 (umask cannot widen it; chmod makes sure). */
export function makePrivateDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (process.platform !== 'win32') fs.chmodSync(d, 0o700);
  }
}

/** The new directory entry must survive a crash too. Not possible on Windows: skipped there. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The backup is still on disk and readable (checked again right before a delete). */
export function backupIsOnDisk(backup: Backup): boolean {
  try {
    return fs.statSync(backup.file).size > 0;
  } catch {
    return false;
  }
}

/** Read a backup (or any pod manifest file, YAML or JSON). Throws UserError with one line. */
export function readManifestFile(file: string): Record<string, any> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `backup file ${file} does not exist` : `cannot read ${file}: ${errorText(error)}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    throw new UserError(`${file} is not valid YAML or JSON: ${errorText(error).split('\n')[0]}`);
  }
  const manifest = doc as Record<string, any> | null;
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new UserError(`${file} does not hold a pod manifest (expected a mapping with kind: Pod)`);
  }
  if (manifest.kind !== 'Pod') throw new UserError(`${file} holds a ${String(manifest.kind ?? 'manifest without kind')}, not a Pod; only pods can be restored`);
  if (typeof manifest.metadata?.name !== 'string' || manifest.metadata.name === '') throw new UserError(`${file} has no metadata.name`);
  if (!Array.isArray(manifest.spec?.containers) || manifest.spec.containers.length === 0) throw new UserError(`${file} has no spec.containers`);
  return manifest;
}

/**
 * The command that brings a pod back from its backup, every word shell-quoted. With the context
 * when known: pasted later, it must not create the pod in whatever context is current then.
 */
export function restoreCommand(file: string, context?: string): string {
  return shellCommand(['kubectl', 'fargate', 'restore', ...(context ? ['--context', context] : []), file]);
}

function applyCommand(file: string, context?: string): string {
  return shellCommand(['kubectl', ...(context ? ['--context', context] : []), 'apply', '-f', file]);
}

/** What to run when the tool could not bring a pod back itself. */
export function restoreHint(file: string, context?: string): string {
  return `restore it with \`${restoreCommand(file, context)}\` (or \`${applyCommand(file, context)}\`)`;
}
