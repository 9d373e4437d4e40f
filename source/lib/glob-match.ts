// Shell-style name patterns (`*` any run of characters, `?` one character), as in a context list
// like `--contexts 'prod-*,stage-?'`. Everything else matches itself.

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

export function globToRegExp(pattern: string): RegExp {
  const body = Array.from(pattern, (char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  // `s`: a name with a newline in it is still one name.
  return new RegExp(`^${body}$`, 's');
}
