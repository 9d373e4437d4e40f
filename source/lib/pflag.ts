// The command-line grammar of kubectl (spf13/pflag), as a tokenizer: which values each flag got
// and which arguments are positional. Typing and validation are left to the caller.
//
//   --name value   --name=value   -x value   -xvalue   -x=value      value flags
//   --bool   --bool=true|false (and 1/0/t/f/T/F/TRUE/FALSE/True/False)   -b   -b=false
//   -abc           grouped shorthands: booleans, the last may take a value (-Ay, -An test, -Antest)
//   --             ends the flags: everything after it is positional
// Flags and positional arguments may be interspersed. A flag with `noValue` (pflag's NoOptDefVal,
// e.g. --dry-run) takes a value only after `=`: `--dry-run server` is --dry-run plus "server".

export interface PflagDef {
  /** The long name, kebab-case, without dashes. */
  name: string;
  /** One character, without the dash. */
  short?: string;
  /** bool: true/false; string: last one given wins; array: every one given, in order. */
  kind: 'bool' | 'string' | 'array';
  /** The value when given without `=value`; such a flag never takes the next argument. Bools: 'true'. */
  noValue?: string;
}

export interface PflagTokens {
  /** Each flag given, by long name: its values in order (bools normalised to 'true' / 'false'). */
  values: Map<string, string[]>;
  /** How each flag was last written (`-n`, `--namespace`), for messages. */
  spelled: Map<string, string>;
  positionals: string[];
}

export type PflagProblem = 'unknown-flag' | 'missing-value' | 'bad-bool';

export class PflagError extends Error {
  constructor(
    message: string,
    readonly problem: PflagProblem,
  ) {
    super(message);
    this.name = 'PflagError';
  }
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool, which pflag uses for booleans. */
export function parseBool(text: string): boolean | null {
  return TRUE.has(text) ? true : FALSE.has(text) ? false : null;
}

export function tokenize(argv: readonly string[], defs: readonly PflagDef[]): PflagTokens {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short !== undefined).map((d) => [d.short!, d]));
  const tokens: PflagTokens = { values: new Map(), spelled: new Map(), positionals: [] };
  const noValue = (def: PflagDef) => def.noValue ?? (def.kind === 'bool' ? 'true' : undefined);

  const set = (def: PflagDef, spelled: string, raw: string) => {
    let value = raw;
    if (def.kind === 'bool') {
      const bool = parseBool(raw);
      if (bool === null) throw new PflagError(`invalid value "${raw}" for ${spelled}: use true or false`, 'bad-bool');
      value = String(bool);
    }
    const values = tokens.values.get(def.name);
    if (values) values.push(value);
    else tokens.values.set(def.name, [value]);
    tokens.spelled.set(def.name, spelled);
  };

  // An index, not shift(): a shell glob can hand over any number of arguments.
  let at = 0;
  const more = () => at < argv.length;
  const next = () => argv[at++]!;
  while (more()) {
    const arg = next();
    if (arg === '--') {
      while (more()) tokens.positionals.push(next());
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      tokens.positionals.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const def = byName.get(name);
      if (!def || name === '') throw new PflagError(`unknown flag --${name}`, 'unknown-flag');
      const spelled = `--${name}`;
      if (eq !== -1) set(def, spelled, arg.slice(eq + 1));
      else if (noValue(def) !== undefined) set(def, spelled, noValue(def)!);
      else if (more()) set(def, spelled, next());
      else throw new PflagError(`${spelled} needs a value`, 'missing-value');
      continue;
    }
    // One or more shorthands: -A, -Ay, -ntest, -n=test, -oyaml, -lapp=web.
    let rest = arg.slice(1);
    while (rest.length > 0) {
      const char = String.fromCodePoint(rest.codePointAt(0)!);
      const def = byShort.get(char);
      if (!def) throw new PflagError(`unknown flag -${char}${arg.length > 1 + char.length ? ` in ${arg}` : ''}`, 'unknown-flag');
      const spelled = `-${char}`;
      const after = rest.slice(char.length);
      if (after.startsWith('=')) {
        set(def, spelled, after.slice(1));
        rest = '';
      } else if (noValue(def) !== undefined) {
        set(def, spelled, noValue(def)!);
        rest = after;
      } else if (after.length > 0) {
        set(def, spelled, after);
        rest = '';
      } else if (more()) {
        set(def, spelled, next());
        rest = '';
      } else {
        throw new PflagError(`${spelled} needs a value`, 'missing-value');
      }
    }
  }
  return tokens;
}
