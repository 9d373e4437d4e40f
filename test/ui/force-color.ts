// Imported first by helpers.ts, before ink/chalk read the environment: frames carry ANSI codes
// so tests can see colours and the inverse-video selection.
process.env.FORCE_COLOR = '1';
