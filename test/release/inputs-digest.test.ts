// The release records a digest of its private copy of dist/; the test fixture compares it with
// dist/ itself. They must agree, or every test file that needs release/ rebuilds it — wiping the
// archives another test file is reading (CI failed that way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseInputsDigest } from '../../scripts/release/inputs-digest.mjs';
import { ROOT } from './release-fixture.js';

test('a copy of dist/ anywhere has the digest of dist/', { skip: existsSync(join(ROOT, 'dist', 'cli.js')) ? false : 'dist/ is missing (npm run build)' }, async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kf-digest-'));
  try {
    // Paths that sort before and after the checkout's own files (LICENSE, package.json, scripts/).
    for (const copy of [join(scratch, 'a'), join(scratch, 'zzz', 'build', 'dist')]) {
      cpSync(join(ROOT, 'dist'), copy, { recursive: true });
      assert.equal(await releaseInputsDigest(ROOT, copy), await releaseInputsDigest(ROOT), copy);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
