// The size ratchet runs whatever the path of the clone: with a space, a
// Vietnamese letter (percent-encoded in a file URL) and a symlink in it, it
// still checks dist/ against bundle-size.json, and still fails when the
// bundle outgrows the record (a check guarded by `import.meta.url ===
// 'file://' + argv[1]` silently checked nothing there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

test('bundle-size.mjs checks from a path with a space, a Vietnamese letter and a symlink', () => {
  const base = mkdtempSync(join(tmpdir(), 'bieumau '));
  try {
    // A copy of what the script reads (scripts/, dist/, the record) under
    // «thư mục có dấu», reached through a symlink.
    const real = join(base, 'thư mục có dấu');
    mkdirSync(real);
    cpSync(join(repo, 'scripts'), join(real, 'scripts'), { recursive: true });
    cpSync(join(repo, 'dist'), join(real, 'dist'), { recursive: true });
    cpSync(join(repo, 'bundle-size.json'), join(real, 'bundle-size.json'));
    const link = join(base, 'lối tắt');
    symlinkSync(real, link);
    const run = () => spawnSync(process.execPath, [join(link, 'scripts', 'bundle-size.mjs')], { cwd: link, encoding: 'utf8' });
    const ok = run();
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^Bundle size: [\d.]+ KB gzipped/, 'the check ran');
    // A record far below the bundle: the same invocation must now fail.
    const record = JSON.parse(readFileSync(join(real, 'bundle-size.json'), 'utf8'));
    writeFileSync(join(real, 'bundle-size.json'), JSON.stringify({ ...record, total: record.total / 2 }));
    const over = run();
    assert.equal(over.status, 1, 'the ratchet fails from such a path too');
    assert.match(over.stderr + over.stdout, /over the recorded/);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
