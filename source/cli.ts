#!/usr/bin/env node
// Entry point. Loads only the flag parser up front; everything heavy (ink, the Kubernetes
// client, the AWS SDK, the simulator) is imported once we know the mode, and a flag's heavier
// value check once the flag is seen (test/architecture/startup.test.ts keeps it so).
import module from 'node:module';
import { describeError, isUserError } from './errors.js';
import { parseArgs } from './cli/flags.js';
import { checkTemplateFlags } from './cli/template-flags.js';
import { helpText } from './cli/help.js';
import { commandHelpText } from './cli/command-help.js';
import { VERSION } from './cli/version.js';
import { nodeTooOld } from './cli/node-version.js';

function fail(error: unknown): never {
  process.stderr.write(`error: ${describeError(error)}\n`);
  if (process.env.KUBECTL_FARGATE_DEBUG && error instanceof Error && !isUserError(error)) process.stderr.write(`${error.stack}\n`);
  process.exit(isUserError(error) ? error.exitCode : 1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

async function main(argv: string[]): Promise<number> {
  // Before any library loads: an old Node would fail inside one with an unrelated message.
  const tooOld = nodeTooOld(process.versions.node);
  if (tooOld) {
    process.stderr.write(`error: ${tooOld}\n`);
    return 1;
  }
  // Shell completion's hidden request (cobra's protocol; kubectl_complete-fargate sends it).
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    const { runCompleteRequest } = await import('./cli/completion-request.js');
    return runCompleteRequest(argv[0], argv.slice(1));
  }
  const options = parseArgs(argv);
  await checkTemplateFlags(options);
  if (options.help) {
    process.stdout.write(commandHelpText(options.command) ?? helpText());
    return 0;
  }
  if (options.version) {
    process.stdout.write(await (await import('./cli/version-output.js')).versionText(options.output));
    return 0;
  }
  // Node keeps the compiled bundle in its tmpdir cache: ~40 ms less start-up on later runs.
  // (Absent where the runtime is not Node, as in the compiled executables.)
  module.enableCompileCache?.();
  const { run } = await import('./cli/run.js');
  return run(options);
}

main(process.argv.slice(2)).then(
  (code) => {
    // Exit once stdout has drained: open sockets (keep-alive, watches) must not keep us alive.
    process.stdout.write('', () => process.exit(code));
  },
  fail,
);
