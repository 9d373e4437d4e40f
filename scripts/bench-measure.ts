// Measuring one command for `npm run bench`: wall time and peak memory, medians of runs in turns.
import { spawn } from 'node:child_process';

// Issue 16: each figure the median of 5 runs, in turns with its anchor.
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export interface Measure {
  wallS: number;
  peakMb: number;
  /** The command's CPU time (user + system). */
  cpuS: number;
  /** This process's CPU time meanwhile: the simulated servers', which serve from it. */
  serverCpuS: number;
}

/**
 * Wall time and peak RSS of one command, via GNU time (`%e %M`). Spawned asynchronously: the sim
 * serves from this process, so blocking here would stall the server being measured.
 */
export function measure(command: string[], env: NodeJS.ProcessEnv): Promise<Measure> {
  return measureWithOutput(command, env, false);
}

/** measure(), keeping what the command printed on stdout (when `keep`) and on stderr. */
export function measureWithOutput(command: string[], env: NodeJS.ProcessEnv, keep = true): Promise<Measure & { stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const serverCpu = process.cpuUsage();
    const child = spawn('/usr/bin/time', ['-f', '__BENCH__ %e %M %U %S', ...command], { env, stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('close', (status) => {
      const line = stderr.split('\n').find((l) => l.startsWith('__BENCH__'));
      if (status !== 0 || !line) return reject(new Error(`${command.join(' ')} failed: ${stderr.slice(-500)}`));
      const [, wall, kb, user, system] = line.split(' ');
      const server = process.cpuUsage(serverCpu);
      resolve({ wallS: Number(wall), peakMb: Number(kb) / 1024, cpuS: Number(user) + Number(system), serverCpuS: (server.user + server.system) / 1e6, stdout, stderr });
    });
  });
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function medianOf(command: string[], env: NodeJS.ProcessEnv, runs = RUNS): Promise<Measure> {
  const samples: Measure[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(command, env));
  return medians(samples);
}

/** Each field's median over the samples. */
function medians(samples: Measure[]): Measure {
  const of = (field: keyof Measure) => median(samples.map((s) => s[field]));
  return { wallS: of('wallS'), peakMb: of('peakMb'), cpuS: of('cpuS'), serverCpuS: of('serverCpuS') };
}

/**
 * Medians of commands run in turns (a, b, a, b, ...) after one unmeasured run each, so a change
 * in the machine's load hits all alike and the first run's compile cache fill is not counted
 * (any second run of the plugin has it).
 */
export async function medianOfTurns(commands: { command: string[]; env: NodeJS.ProcessEnv }[], runs = RUNS): Promise<Measure[]> {
  const samples: Measure[][] = commands.map(() => []);
  for (let i = -1; i < runs; i++) {
    for (const [k, { command, env }] of commands.entries()) {
      const sample = await measure(command, env);
      if (i >= 0) samples[k]!.push(sample);
    }
  }
  return samples.map(medians);
}

