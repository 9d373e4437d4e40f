// The profiles view's c, x and e with a fake host: nothing is sent before the dialog's answer
// (x: the profile's name typed exactly; c: y after the what-if), and stray keys, enter alone,
// y on the delete dialog, a near-miss name, a paste and ctrl-c send nothing.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { press, renderApp, selectedLine, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { fakeActions, fakeProfiles, type FakeProfiles } from './fake-actions.js';
import { waitUntil } from '../helpers/waiting.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** The profiles view with fp-test selected. */
async function onFpTest(fake: FakeProfiles, props: Parameters<typeof renderApp>[0] = {}): Promise<AppHarness> {
  const t = await renderApp({ profiles: fake.profiles, ...props }, { rows: 30, columns: 120 });
  tui = t;
  await press(t, 'p');
  await waitForFrame(t, (f) => f.includes('fp-test'));
  for (let i = 0; i < 10 && !selectedLine(t).includes('fp-test'); i++) await press(t, 'j');
  assert.match(selectedLine(t), /fp-test/);
  return t;
}

const sent = (fake: FakeProfiles) => ({ deletes: fake.deletes, creates: fake.creates });
const NOTHING = { deletes: [], creates: [] };

describe('x deletes a profile only once its name is typed exactly', () => {
  test('x shows what EKS does to the pods; y, enter alone, a near miss, stray keys and esc send nothing; the name then enter deletes', async () => {
    const fake = fakeProfiles();
    const t = await onFpTest(fake);
    await press(t, 'x');
    let frame = await waitForFrame(t, (f) => f.includes('Delete Fargate profile fp-test?'));
    assert.deepEqual(fake.previews, ['delete fp-test']);
    assert.match(frame, /stopped and lost: a bare pod/);
    assert.match(frame, /Type the profile name \(fp-test\) to delete it/);

    await press(t, 'y');
    await press(t, 'enter');
    frame = await waitForFrame(t, (f) => f.includes('type fp-test exactly'));
    assert.deepEqual(sent(fake), NOTHING, 'y is typed text, and enter with "y" typed is refused');
    await press(t, 'backspace');
    await press(t, 'enter');
    assert.deepEqual(sent(fake), NOTHING, 'enter alone sends nothing');
    await typeText(t, 'fp-tes');
    await press(t, 'enter');
    await typeText(t, 'tt');
    await press(t, 'enter');
    assert.deepEqual(sent(fake), NOTHING, 'a near-miss name sends nothing');
    for (const k of ['j', 'q', 'r', ':', '/', 'n', 'c']) await press(t, k);
    assert.deepEqual(sent(fake), NOTHING, 'stray keys are typed into the field, never run');
    await press(t, 'esc');
    await waitForFrame(t, (f) => !f.includes('Delete Fargate profile fp-test?'));
    assert.deepEqual(sent(fake), NOTHING, 'esc cancels');

    await press(t, 'x');
    await waitForFrame(t, (f) => f.includes('Delete Fargate profile fp-test?'));
    await typeText(t, 'fp-test');
    await press(t, 'enter');
    const done = await waitForFrame(t, (f) => f.includes('profile fp-test is deleted'));
    assert.deepEqual(fake.deletes, ['fp-test']);
    // The outcome stays on the status bar's second line (a notice would fade).
    assert.match(done.split('\n')[1] ?? '', /^profile fp-test is deleted │/);
  });

  test('the name and enter arriving in one chunk (a paste) do not delete', async () => {
    const fake = fakeProfiles();
    const t = await onFpTest(fake);
    await press(t, 'x');
    await waitForFrame(t, (f) => f.includes('Delete Fargate profile fp-test?'));
    await press(t, 'fp-test\r');
    await waitForFrame(t, (f) => f.includes('enter ignored'));
    assert.deepEqual(sent(fake), NOTHING);
  });

  test('ctrl-c in the dialog quits and sends nothing', async () => {
    const fake = fakeProfiles();
    const t = await onFpTest(fake);
    await press(t, 'x');
    await waitForFrame(t, (f) => f.includes('Delete Fargate profile fp-test?'));
    await typeText(t, 'fp-test');
    await press(t, '\u0003');
    await waitUntil('the app quits', () => (t.quits === 1 ? true : null), 2000);
    assert.deepEqual(sent(fake), NOTHING);
  });

  test('a preview that fails says why on the status bar and opens no dialog', async () => {
    const fake = fakeProfiles({ failPreview: 'profile fp-test is CREATING; EKS deletes a profile only once it is ACTIVE' });
    const t = await onFpTest(fake);
    await press(t, 'x');
    const frame = await waitForFrame(t, (f) => f.includes('Not deleted: profile fp-test is CREATING'));
    assert.doesNotMatch(frame, /Type the profile name/);
    assert.deepEqual(sent(fake), NOTHING);
  });
});

describe('c creates a profile after the what-if and an explicit y', () => {
  test('the form is prefilled from the selected namespace; enter shows the what-if; enter, n and esc there send nothing; y creates', async () => {
    const fake = fakeProfiles();
    const t = await renderApp({ profiles: fake.profiles }, { rows: 30, columns: 120 });
    tui = t;
    // Select the test namespace, then the profiles view.
    for (let i = 0; i < 10 && !selectedLine(t).includes('test'); i++) await press(t, 'j');
    assert.match(selectedLine(t), /test/);
    await press(t, 'p');
    await waitForFrame(t, (f) => f.includes('fp-test'));
    await press(t, 'c');
    let frame = await waitForFrame(t, (f) => f.includes('Create a Fargate profile'));
    assert.match(frame, /Name\s+test/);
    assert.match(frame, /Selectors test/);
    // Edit the name: letters typed go into the field, not to the keys of the view.
    await typeText(t, '-v2');
    await press(t, 'tab');
    await typeText(t, ':tier=web');
    frame = await waitForFrame(t, (f) => f.includes('test:tier=web'));
    assert.match(frame, /Name\s+test-v2/);
    assert.deepEqual(sent(fake), NOTHING, 'typing sends nothing');

    await press(t, 'enter');
    frame = await waitForFrame(t, (f) => f.includes('Create Fargate profile test-v2?'));
    assert.deepEqual(fake.previews, ['create test-v2 test:tier=web']);
    assert.match(frame, /would take 1 pod/);
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('enter does not confirm'));
    for (const k of ['j', 'x', 'c', 'Y']) await press(t, k);
    assert.deepEqual(sent(fake), NOTHING, 'enter and stray keys on the y/n dialog send nothing');
    await press(t, 'n');
    await waitForFrame(t, (f) => !f.includes('Create Fargate profile test-v2?'));
    assert.deepEqual(sent(fake), NOTHING, 'n cancels');

    await press(t, 'c');
    await waitForFrame(t, (f) => f.includes('Create a Fargate profile'));
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Create Fargate profile test?'));
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('profile test is ACTIVE'));
    assert.deepEqual(fake.creates, [{ name: 'test', selectors: 'test' }]);
  });

  test('a bad selector keeps the form open with the reason; nothing is sent', async () => {
    const fake = fakeProfiles({ failPreview: 'selector "Test": "Test" is not a namespace name' });
    const t = await onFpTest(fake);
    await press(t, 'c');
    let frame = await waitForFrame(t, (f) => f.includes('Create a Fargate profile'));
    // Nothing selected before the profiles view: the fields start empty, and an empty name is refused here.
    assert.match(frame, /› Name\s+│/);
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('name the profile first'));
    await typeText(t, 'web');
    await press(t, 'tab');
    await typeText(t, 'Test');
    await press(t, 'enter');
    frame = await waitForFrame(t, (f) => f.includes('is not a namespace name'));
    assert.match(frame, /Create a Fargate profile/);
    assert.deepEqual(sent(fake), NOTHING);
  });
});

describe('e exports the selected profile', () => {
  test('e shows the eksctl form; tab cycles terraform, cloudformation, json; esc comes back', async () => {
    const fake = fakeProfiles();
    const t = await onFpTest(fake);
    await press(t, 'e');
    let frame = await waitForFrame(t, (f) => f.includes('kind: ClusterConfig'));
    assert.match(frame, /Export · fp-test · eksctl/);
    await press(t, 'tab');
    frame = await waitForFrame(t, (f) => f.includes('# terraform of fp-test'));
    await press(t, 'tab');
    await press(t, 'tab');
    frame = await waitForFrame(t, (f) => f.includes('# json of fp-test'));
    assert.deepEqual(fake.exports.map(([, f]) => f), ['eksctl', 'terraform', 'cloudformation', 'json']);
    await press(t, 'esc');
    await waitForFrame(t, (f) => f.includes('Profiles'));
  });
});

describe('--read-only and a host without writes', () => {
  for (const [rule, props, fake] of [
    ['--read-only: c and x are not bound even when the host hands writes over', { readOnly: true }, fakeProfiles()],
    ['no writes handed over: c and x are not bound', {}, fakeProfiles({ readOnly: true })],
  ] as const) {
    test(rule, async () => {
      const t = await onFpTest(fake, { ...props, actions: fakeActions().actions });
      const frame = t.frame();
      assert.doesNotMatch(frame, /x delete|c create/);
      await press(t, 'x');
      await press(t, 'c');
      await press(t, '?');
      const help = await waitForFrame(t, (f) => f.includes('Help'));
      assert.doesNotMatch(help, /Delete the profile/);
      assert.doesNotMatch(help, /Create a profile/);
      assert.match(help, /Export the profile/, 'e is a read: offered with --read-only too');
      assert.deepEqual([fake.previews, fake.deletes, fake.creates], [[], [], []]);
    });
  }
});
