// Timing helpers shared by the live view's bench rows (bench-tui.tsx, bench-tui-churn.ts).
import type { Tui } from '../test/ui/helpers.js';

/** [measure, wall s, peak MB, vs floor, target]: the bench table's columns. */
export type BenchRow = [string, string, string, string, string];

export const LATENCY_TARGET = '< 0.050 s';

/** Milliseconds from `act` until a frame satisfying `done` is written. */
export function timeToFrame(tui: Tui, act: () => void, done: (frame: string) => boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching frame within 5 s:\n${tui.frame()}`)), 5000);
    const check = () => {
      if (!done(tui.frame())) return;
      clearTimeout(timer);
      tui.stdout.off('frame', check);
      resolve((tui.stdout.frameTimes.at(-1) ?? performance.now()) - start);
    };
    tui.stdout.on('frame', check);
    const start = performance.now();
    act();
  });
}

export const percentile = (times: number[], p: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
};

export const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Lets the garbage collector and the scheduler settle between samples, as between real key presses. */
export const pause = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median and p95 rows of one latency. */
export const latencyRows = (label: string, what: string, times: number[]): BenchRow[] => [
  [`${label}: ${what} (median of ${times.length})`, seconds(percentile(times, 0.5)), '', '', LATENCY_TARGET],
  [`${label}: ${what} (p95)`, seconds(percentile(times, 0.95)), '', '', LATENCY_TARGET],
];
