import { useCallback, useMemo, useRef } from 'react';
import type { ProfileChange, UIState } from '../app/contexts.js';
import type { NavAction, ProfileWrite } from '../state/navigation.js';
import type { ProfileDraft, ProfileExportFormat, TuiProfiles, TuiProfileWrites } from '../tui-actions.js';

export interface ProfileWritesControl {
  /** x: what deleting `name` does, then the dialog asking for the name typed. */
  askDelete(name: string): Promise<void>;
  /** c: the form, prefilled. */
  openForm(draft: ProfileDraft): void;
  /** enter in the form: the what-if, then the y/n dialog. */
  submitForm(): Promise<void>;
  /** The dialog's answer (y, or the typed name): send exactly what it shows. */
  confirm(): void;
  /** e: the profile in `format`, pushed as a screen (or, over an export, shown in place). */
  exportProfile(name: string, format: ProfileExportFormat, inPlace: boolean): void;
}

export interface ProfileWritesDeps {
  profiles: TuiProfiles | null;
  /** Null with --read-only: nothing is previewed or sent. */
  writes: TuiProfileWrites | null;
  readState: () => UIState;
  dispatch: (action: NavAction) => void;
  notice: (text: string, level?: 'info' | 'error') => void;
  /** Where the change's progress and outcome stay on the status bar (they outlive a notice). */
  report: (change: ProfileChange) => void;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `c`, `x` and `e` in the profiles view. Nothing is sent before the dialog's answer: `x` needs
 * the profile's name typed exactly, `c` an explicit `y` after the what-if. One write at a time;
 * its progress and outcome go to the status bar.
 */
export function useProfileWrites({ profiles, writes, readState, dispatch, notice, report }: ProfileWritesDeps): ProfileWritesControl {
  const busy = useRef<string | null>(null);
  const asking = useRef(false);

  const busyNotice = useCallback(() => notice(`${busy.current ?? 'A profile change'} is in progress: one profile change at a time (EKS changes one profile at a time).`, 'error'), [notice]);

  /** Ask the host for the preview; open `modal` with it unless the screen moved on meanwhile. */
  const preview = useCallback(
    async (ask: () => Promise<ProfileWrite['preview']>, open: (preview: ProfileWrite['preview']) => NavAction, failed: (why: string) => void) => {
      if (asking.current) return;
      asking.current = true;
      const before = readState().nav;
      try {
        const answer = await ask();
        const now = readState().nav;
        // Keys typed meanwhile went elsewhere: a dialog opening now would take the next key meant for that.
        if (now.stack !== before.stack || now.modal !== before.modal) return notice('Not asked: the screen changed while the what-if was read; press the key again.', 'error');
        dispatch(open(answer));
      } catch (error) {
        failed(message(error));
      } finally {
        asking.current = false;
      }
    },
    [readState, dispatch, notice],
  );

  const askDelete = useCallback(
    async (name: string) => {
      if (!writes) return;
      if (busy.current) return busyNotice();
      notice(`Reading what deleting ${name} would stop…`);
      await preview(
        () => writes.previewDelete(name),
        (p) => ({ type: 'openModal', modal: { kind: 'typed-confirm', podKeys: [], steps: [], expected: name, typed: '', profile: { action: 'delete', name, preview: p } } }),
        (why) => notice(`Not deleted: ${why}`, 'error'),
      );
    },
    [writes, busyNotice, notice, preview],
  );

  const openForm = useCallback(
    (draft: ProfileDraft) => {
      if (!writes) return;
      if (busy.current) return busyNotice();
      dispatch({ type: 'openModal', modal: { kind: 'form', podKeys: [], steps: [], draft, field: 'name' } });
    },
    [writes, busyNotice, dispatch],
  );

  const submitForm = useCallback(async () => {
    const modal = readState().nav.modal;
    if (!writes || modal?.kind !== 'form') return;
    const draft = { name: modal.draft.name.trim(), selectors: modal.draft.selectors.trim() };
    if (draft.name === '') return dispatch({ type: 'modalHint', hint: 'name the profile first (tab: the next field)' });
    dispatch({ type: 'modalHint', hint: `Reading what ${draft.name} would capture…` });
    await preview(
      () => writes.previewCreate(draft),
      (p) => ({ type: 'openModal', modal: { kind: 'confirm', podKeys: [], steps: [], profile: { action: 'create', name: draft.name, draft, preview: p } } }),
      // The form stays open, with the reason in it.
      (why) => (readState().nav.modal?.kind === 'form' ? dispatch({ type: 'modalHint', hint: why }) : notice(why, 'error')),
    );
  }, [writes, readState, dispatch, notice, preview]);

  const confirm = useCallback(() => {
    const modal = readState().nav.modal;
    const write = modal?.profile;
    if (!modal || !write || !writes) return;
    // Only the name typed exactly deletes; only the y/n dialog creates.
    if (write.action === 'delete' && (modal.kind !== 'typed-confirm' || modal.typed !== write.name)) return;
    if (write.action === 'create' && (modal.kind !== 'confirm' || !write.draft)) return;
    dispatch({ type: 'closeModal' });
    if (busy.current) return busyNotice();
    const what = `${write.action === 'delete' ? 'Deleting' : 'Creating'} profile ${write.name}`;
    busy.current = what;
    report({ text: `${what}…`, level: 'busy' });
    const progress = (line: string) => report({ text: `${what}: ${line}`, level: 'busy' });
    const sent = write.action === 'delete' ? writes.delete(write.name, progress) : writes.create(write.draft!, progress);
    sent
      .then(
        (outcome) => report({ text: outcome, level: /FAILED/.test(outcome) ? 'error' : 'ok' }),
        (error: unknown) => report({ text: `${what} failed: ${message(error)}`, level: 'error' }),
      )
      .finally(() => void (busy.current = null));
  }, [readState, writes, dispatch, busyNotice, report]);

  const exportProfile = useCallback(
    (name: string, format: ProfileExportFormat, inPlace: boolean) => {
      if (!profiles) return;
      try {
        const text = profiles.exportText(name, format);
        dispatch(inPlace ? { type: 'exportFormat', format, text } : { type: 'openExport', profile: name, format, text });
      } catch (error) {
        notice(`Not exported: ${message(error)}`, 'error');
      }
    },
    [profiles, dispatch, notice],
  );

  return useMemo(() => ({ askDelete, openForm, submitForm, confirm, exportProfile }), [askDelete, openForm, submitForm, confirm, exportProfile]);
}
