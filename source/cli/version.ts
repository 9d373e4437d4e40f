import pkg from '../../package.json' with { type: 'json' };

/** The package version, baked into the bundle at build time (no package.json lookup at run time). */
export const VERSION: string = pkg.version;
