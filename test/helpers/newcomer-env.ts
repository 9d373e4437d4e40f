// The environment of a shell outside this project, for commands a newcomer types: `npm test` and
// `npm run bench` put our node_modules/.bin (the pinned Node 24) first on PATH and set npm_*
// variables; a newcomer's shell has neither, so its `npm` runs on the system Node.
import { delimiter } from 'node:path';

export function newcomerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    clean[key] = value;
  }
  clean.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !/node_modules[/\\]\.bin|node-gyp-bin/.test(dir))
    .join(delimiter);
  return clean;
}
