// EKS Fargate selector wildcards (spec §1.2): `*` = any run of characters (including none),
// `?` = exactly one character, everything else literal. The match is anchored (whole string)
// and case-sensitive (Kubernetes names and labels are). No regex or bracket syntax: a small
// matcher instead of a RegExp built from user input, so patterns like `a*a*a*b` cannot blow up.

type Matcher = (value: string) => boolean;

const MAX_CACHE = 5000;
const compiled = new Map<string, Matcher>();

/** Does `value` match the EKS wildcard `pattern` as a whole? */
export function globMatch(pattern: string, value: string): boolean {
  let matcher = compiled.get(pattern);
  if (matcher === undefined) {
    matcher = compile(pattern);
    // Patterns come from a handful of profiles; the bound only guards against odd inputs.
    if (compiled.size >= MAX_CACHE) compiled.clear();
    compiled.set(pattern, matcher);
  }
  return matcher(value);
}

/** True when the pattern contains a wildcard character. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

function compile(pattern: string): Matcher {
  if (!hasWildcard(pattern)) return (value) => value === pattern;
  if (/^\*+$/.test(pattern)) return () => true;
  // Work on code points so `?` means one character even outside the BMP.
  const pat = Array.from(pattern);
  return (value) => matchChars(pat, Array.from(value));
}

// Classic greedy wildcard match with one backtrack point: O(len(p) * len(v)) worst case.
function matchChars(pat: readonly string[], val: readonly string[]): boolean {
  let p = 0;
  let v = 0;
  let starP = -1;
  let starV = 0;
  while (v < val.length) {
    const pc = pat[p];
    if (pc === '*') {
      starP = p++;
      starV = v;
    } else if (pc !== undefined && (pc === '?' || pc === val[v])) {
      p++;
      v++;
    } else if (starP >= 0) {
      p = starP + 1;
      v = ++starV;
    } else {
      return false;
    }
  }
  while (pat[p] === '*') p++;
  return p === pat.length;
}
