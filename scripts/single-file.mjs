// Builds one self-contained .html from the release dist/: the CSS, the
// icon, the JS glue and the wasm are all inside it, so a commune can open
// it by double-click (file://) with no server and no network.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/bieumau-cchc.html';
let html = readFileSync(join(dist, 'index.html'), 'utf8');
const file = (name) => readFileSync(join(dist, name.replace(/^\.\//, '')));
const must = (match, what) => { if (!match) throw new Error(`dist/index.html has no ${what}`); return match; };

// Text that sits inside a <script> or <style> must not close it early.
const safe = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1');

// index.html's classic scripts (post-build moved them into files) go back inline.
html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, name) => `<script>${safe(file(name).toString('utf8'))}</script>`);

const startName = must(html.match(/<script type="module" src="([^"]+)"><\/script>/), 'start-up script')[1];
const start = file(startName).toString('utf8');
const glueName = must(start.match(/from '([^']+\.js)'/), 'JS glue import')[1];
const wasmName = must(start.match(/module_or_path: '([^']+\.wasm)'/), 'wasm path')[1];
const glue = file(glueName).toString('utf8');
const wasm = file(wasmName).toString('base64');
const loader = `<script type="module">
const glueSource = ${safe(JSON.stringify(glue))};
const wasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
const bindings = await import(URL.createObjectURL(new Blob([glueSource], { type: 'text/javascript' })));
window.wasmBindings = bindings;
await bindings.default({ module_or_path: wasmBytes });
</script>`;
html = html.replace(must(html.match(/<script type="module" src="[^"]+"><\/script>/), 'start-up script')[0], () => loader);

const cssLink = must(html.match(/<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/), 'stylesheet');
html = html.replace(cssLink[0], () => `<style>${safe(file(cssLink[1]).toString('utf8'))}</style>`);
const iconLink = html.match(/<link rel="icon" href="([^"]+)"[^>]*\/?>/);
if (iconLink) {
  html = html.replace(iconLink[0], () => `<link rel="icon" href="data:image/svg+xml;base64,${file(iconLink[1]).toString('base64')}">`);
}
// Preloads, the manifest and the service worker belong to the hosted app.
html = html.replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '');

mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, html);
console.log(`single file: ${out} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
