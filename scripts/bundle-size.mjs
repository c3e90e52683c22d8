// The size of what a first visit downloads, and the ratchet that keeps it
// from growing unnoticed.
//
//   node scripts/bundle-size.mjs            check dist/ against bundle-size.json
//   node scripts/bundle-size.mjs --record   write dist/'s sizes to bundle-size.json
//
// Sizes are those of the precompressed `.gz` beside the wasm, the JS and the
// CSS in dist/ (zopfli, written by post-build.mjs): what a server with
// `gzip_static` sends a first visit (the service worker script is fetched by
// the browser on its own and is not counted). gzip -9 of the same files,
// what a server compressing as it sends gets at best, is reported beside
// them. A byte count is deterministic for the pinned toolchain, so the
// check may gate the tests: it fails when the total exceeds the recorded
// one by more than 1 %, and says what grew.
// Lower the record (--record) whenever the bundle shrinks.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { isMain } from './is-main.mjs';

const KINDS = ['.wasm', '.js', '.css'];
const RECORD = new URL('../bundle-size.json', import.meta.url);
const TOLERANCE = 0.01;

/** Raw, shipped-gzip and gzip -9 bytes per kind of file in `dir`, and the
 * shipped gzip total (and the gzip -9 one). */
export function bundleSizes(dir = 'dist') {
  const kinds = {};
  let total = 0;
  let gzip9 = 0;
  for (const ext of KINDS) {
    const files = readdirSync(dir).filter((f) => extname(f) === ext && f !== 'sw.js');
    const sum = (size) => files.reduce((n, f) => n + size(f), 0);
    const raw = sum((f) => readFileSync(join(dir, f)).length);
    const gzip = sum((f) => readFileSync(join(dir, `${f}.gz`)).length);
    const nine = sum((f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length);
    kinds[ext.slice(1)] = { raw, gzip, gzip9: nine };
    total += gzip;
    gzip9 += nine;
  }
  return { kinds, total, gzip9 };
}

/** The brotli (quality 11) total of the same files, as dist/'s .br files. */
export function brotliTotal(dir = 'dist') {
  return readdirSync(dir)
    .filter((f) => KINDS.includes(extname(f)) && f !== 'sw.js')
    .map((f) => readFileSync(join(dir, f)))
    .reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
}

/** Names of the assets whose precompressed .gz or .br is missing or is not their content. */
export function stalePrecompressed(dir = 'dist') {
  const stale = [];
  for (const f of readdirSync(dir, { recursive: true })) {
    if (!/\.(wasm|js|css|html|svg|webmanifest)$/.test(f)) continue;
    const body = readFileSync(join(dir, f));
    for (const [ext, decode] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
      let ok = false;
      try { ok = decode(readFileSync(join(dir, f + ext))).equals(body); } catch { ok = false; }
      if (!ok) stale.push(f + ext);
    }
  }
  return stale;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function check(dir) {
  const stale = stalePrecompressed(dir);
  if (stale.length) {
    console.error(`Precompressed files missing or not their asset's content: ${stale.join(', ')}`);
    process.exit(1);
  }
  const now = bundleSizes(dir);
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8'));
  const limit = Math.floor(recorded.total * (1 + TOLERANCE));
  const lines = Object.entries(now.kinds).map(([kind, { gzip }]) => {
    const before = recorded.kinds[kind]?.gzip ?? 0;
    const diff = gzip - before;
    return `  ${kind.padEnd(5)} ${kb(gzip).padStart(9)}  (recorded ${kb(before)}, ${diff >= 0 ? '+' : ''}${(diff / 1024).toFixed(1)} KB)`;
  });
  if (now.total > limit) {
    console.error(`Bundle size: ${kb(now.total)} gzipped, over the recorded ${kb(recorded.total)} by ${kb(now.total - recorded.total)} ` +
      `(${(((now.total / recorded.total) - 1) * 100).toFixed(1)} %, more than the 1 % allowed). What grew:\n${lines.join('\n')}\n` +
      'Cut it back, or, if the growth is worth it, record the new size with `node scripts/bundle-size.mjs --record` and say why in the commit.');
    process.exit(1);
  }
  console.log(`Bundle size: ${kb(now.total)} gzipped (${kb(now.gzip9)} with gzip -9), ${kb(brotliTotal(dir))} brotli (recorded ${kb(recorded.total)} gzipped, limit ${kb(limit)}).\n${lines.join('\n')}`);
  if (now.total < recorded.total * (1 - TOLERANCE)) {
    console.log('It shrank by more than 1 %: lower the record with `node scripts/bundle-size.mjs --record`.');
  }
}

if (isMain(import.meta.url)) {
  const dir = 'dist';
  if (process.argv.includes('--record')) {
    const now = bundleSizes(dir);
    writeFileSync(RECORD, `${JSON.stringify({ ...now, note: 'the .gz (zopfli) beside dist/ wasm, JS (without sw.js) and CSS, and gzip -9 of them; see scripts/bundle-size.mjs' }, null, 2)}\n`);
    console.log(`Recorded ${kb(now.total)} gzipped in bundle-size.json.`);
  } else {
    check(dir);
  }
}
