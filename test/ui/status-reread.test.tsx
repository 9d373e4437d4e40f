// The status bar while the profiles are still being read, and R saying what the re-read found.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
import { NOW, sceneStore } from '../helpers/scene.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

const statusLine = (frame: string) => frame.split('\n')[1] ?? '';

describe('the status bar before the profiles are read', () => {
  test('says "profiles loading…" instead of zero pods to reschedule; the counts come once EKS answers', async () => {
    const store = sceneStore();
    store.setProfilesStatus({ state: 'loading', message: null, fetchedAt: null, stale: false });
    store.setLiveProfiles([], { state: 'loading', message: null, fetchedAt: null, stale: false });
    tui = await renderApp({ store }, { columns: 140 });
    let frame = await waitForFrame(tui, (f) => f.includes('profiles loading…'));
    assert.doesNotMatch(statusLine(frame), /need reschedule|blocked/);
    const profiles = sceneStore().getSnapshot().profiles;
    store.setLiveProfiles([...profiles], { state: 'ok', message: null, fetchedAt: NOW, stale: false });
    frame = await waitForFrame(tui, (f) => /1 need reschedule/.test(statusLine(f)));
    assert.doesNotMatch(frame, /profiles loading…/);
  });
});

describe('R', () => {
  test('says how many profiles the re-read found', async () => {
    tui = await renderApp({ refreshProfiles: async () => ({ profiles: 8, problem: null }) });
    await press(tui, 'R');
    await waitForFrame(tui, (f) => f.includes('Profiles re-read: 8'));
  });

  test('says why the re-read failed', async () => {
    tui = await renderApp({ refreshProfiles: async () => ({ profiles: null, problem: 'AccessDeniedException: not authorized' }) });
    await press(tui, 'R');
    await waitForFrame(tui, (f) => f.includes('Profiles not re-read: AccessDeniedException'));
  });

  test('a re-read resets "updated Ns ago": the newest of the watch and the profiles counts', async () => {
    const store = sceneStore();
    tui = await renderApp({ store, refreshProfiles: async () => {
      store.setLiveProfiles([...store.getSnapshot().profiles], { state: 'ok', message: null, fetchedAt: NOW, stale: false });
      return { profiles: 3, problem: null };
    } });
    await waitForFrame(tui, (f) => f.includes('updated 3s ago'));
    await press(tui, 'R');
    await waitForFrame(tui, (f) => f.includes('Profiles re-read: 3') && f.includes('updated 0s ago'));
  });
});
