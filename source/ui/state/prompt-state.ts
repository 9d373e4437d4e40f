// The `:` prompt's line: what is typed, why the last line was refused or what tab found, and
// where ↑/↓ are in the history of commands run. Pure.

export interface Prompt {
  draft: string;
  /** Why the last line run was refused (shown in the error colour). */
  error: string | null;
  /** What tab found (the candidates when there are several). */
  hint: string | null;
  /** Index into the history while ↑/↓ browse it; null when typing. */
  browsing: number | null;
  /** The line being typed before ↑, given back by ↓ past the newest. */
  stash: string;
}

/** The history keeps this many commands. */
export const HISTORY_SIZE = 50;

export const openPrompt = (): Prompt => ({ draft: '', error: null, hint: null, browsing: null, stash: '' });

export const promptType = (p: Prompt, text: string): Prompt => ({ ...p, draft: p.draft + text, error: null, hint: null, browsing: null });

export const promptErase = (p: Prompt): Prompt => ({ ...p, draft: [...p.draft].slice(0, -1).join(''), error: null, hint: null, browsing: null });

/** The line as tab completed it, and what else it could have been. */
export const promptReplace = (p: Prompt, draft: string, hint?: string): Prompt => ({ ...p, draft, error: null, hint: hint ?? null, browsing: null });

export const promptError = (p: Prompt, message: string): Prompt => ({ ...p, error: message, hint: null });

/** ↑ (older) / ↓ (newer) through the commands run; ↓ past the newest gives back what was typed. */
export function promptHistory(p: Prompt, history: readonly string[], direction: 'older' | 'newer'): Prompt {
  if (history.length === 0) return p;
  if (direction === 'older') {
    const browsing = p.browsing === null ? history.length - 1 : Math.max(0, p.browsing - 1);
    return { ...p, draft: history[browsing]!, browsing, stash: p.browsing === null ? p.draft : p.stash, error: null, hint: null };
  }
  if (p.browsing === null) return p;
  if (p.browsing >= history.length - 1) return { ...p, draft: p.stash, browsing: null, error: null, hint: null };
  const browsing = p.browsing + 1;
  return { ...p, draft: history[browsing]!, browsing, error: null, hint: null };
}

/** The history after `line` ran: once (the same line again moves to the end), at most HISTORY_SIZE. */
export function recordCommand(history: readonly string[], line: string): readonly string[] {
  const text = line.trim();
  if (text === '') return history;
  const next = [...history.filter((h) => h !== text), text];
  return next.length > HISTORY_SIZE ? next.slice(next.length - HISTORY_SIZE) : next;
}
