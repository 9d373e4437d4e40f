// A `npm run bench` row saying where a one-shot run's time goes: KUBECTL_FARGATE_TRACE=1 makes the
// CLI print each stage's clock (source/cli/trace.ts); the row gives each stage's median length over
// a few runs: start-up (process start to the first request), read (the cluster listed, EKS read
// alongside), evaluate, write (the output), and exit.
import { median, measureWithOutput, RUNS } from './bench-measure.js';

const STAGES = [
  ['start-up', 'start'],
  ['read', 'loaded'],
  ['evaluate', 'evaluated'],
  ['write', 'written'],
] as const;

/** The stage clocks (ms since the process started) one traced run printed. */
function clocks(stderr: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const match of stderr.matchAll(/^trace (\w+): (\d+) ms/gm)) out.set(match[1]!, Number(match[2]));
  return out;
}

export async function stageRow(label: string, command: string[], env: NodeJS.ProcessEnv, floorS: number): Promise<[string, string, string, string, string]> {
  const lengths = new Map<string, number[]>(STAGES.map(([name]) => [name, []]));
  const exits: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const run = await measureWithOutput(command, { ...env, KUBECTL_FARGATE_TRACE: '1' }, false);
    const at = clocks(run.stderr);
    let previous = 0;
    for (const [name, stage] of STAGES) {
      const clock = at.get(stage);
      if (clock === undefined) throw new Error(`${command.join(' ')}: no "trace ${stage}" line in its stderr`);
      lengths.get(name)!.push(clock - previous);
      previous = clock;
    }
    exits.push(run.wallS * 1000 - previous);
  }
  const cells = [...lengths].map(([name, ms]) => `${name} ${(median(ms) / 1000).toFixed(2)}`);
  cells.push(`exit ${(median(exits) / 1000).toFixed(2)}`);
  return [label, '', '', cells.join(' · '), `info (floor ${floorS.toFixed(2)} s)`];
}
