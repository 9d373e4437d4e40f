// Loaded into every test process (scripts/test-tiers.mjs RUNNER_GUARDS): a test file's process
// that is still alive after KF_TEST_FILE_LIMIT_MS (15 minutes; the slowest file takes ~1.5) is
// hung — a failed test's clean-up did not run and a sim or socket keeps it alive — and ends with
// exit 1, saying what was still open. The timer is unref'd: it never keeps a process alive.
// Not armed in the runner that spawns one process per file, whose life is the whole run.
const perFile = process.env.NODE_TEST_CONTEXT !== undefined || process.execArgv.includes('--test-isolation=none');
const limitMs = Number(process.env.KF_TEST_FILE_LIMIT_MS ?? 15 * 60_000);

if (perFile && limitMs > 0) {
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== 'Timeout');
    process.stderr.write(`test process still running after ${Math.round(limitMs / 1000)} s, hung: ${process.argv.slice(1).join(' ')}\n  still open: ${open.join(', ') || 'nothing'}\n`);
    process.exit(1);
  }, limitMs).unref();
}
