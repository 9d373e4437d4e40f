#!/usr/bin/env node
// kubectl_complete-fargate: kubectl >= 1.26 runs it with the words after `kubectl fargate` to
// complete `kubectl fargate <TAB>`. The same as `kubectl-fargate __complete WORD...`.
process.argv.splice(2, 0, '__complete');
await import('./cli.js');
