// `node scripts/wasm-parts.mjs target/sizes/named.wasm`: what the wasm is
// made of, by the names of its functions: the app's UI with Leptos, the
// app's core, the browser bindings, Rust's runtime, and the data (strings,
// templates, tables). Each part's code is gzipped on its own, so the parts
// add up to a little more than the whole; the shares are what to read.
// `./dev.sh sizes` prints it before twiggy's tables.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { importEnd, leb, name, readSections } from './slim-wasm.mjs';

const PARTS = [
  ['UI: src/ui with Leptos (tachys, reactive_graph)', /bieumau\[\w+\]::ui::|tachys|leptos|reactive_graph|either_of/],
  ['core: src/core', /bieumau\[\w+\]::core::/],
  ['browser: src/browser, web-sys, js-sys, futures', /bieumau\[\w+\]::browser::|web_sys|js_sys|wasm_bindgen|wasm_streams|futures/],
  ['runtime: std, alloc, serde_json, hash maps, malloc', /(?:)/],
];

const sections = readSections(readFileSync(process.argv[2]));
const names = functionNames(sections);
const code = Object.fromEntries(PARTS.map(([part]) => [part, []]));
let index = importedFunctions(sections);
const body = sections.find((s) => s.id === 10).body;
let [count, at] = leb(body, 0);
while (count-- > 0) {
  const [size, start] = leb(body, at);
  const fnName = names.get(index++) ?? '';
  code[PARTS.find(([, test]) => test.test(fnName))[0]].push(body.subarray(start, start + size));
  at = start + size;
}
const data = sections.filter((s) => s.id === 11).map((s) => s.body);
const rows = [...PARTS.map(([part]) => [part, Buffer.concat(code[part])]), ['data: strings, templates, tables', Buffer.concat(data)]]
  .map(([part, bytes]) => [part, bytes.length, gzipSync(bytes, { level: 9 }).length]);
const total = rows.reduce((sum, [, , gz]) => sum + gz, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
console.log(`${'part'.padEnd(52)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)}  share`);
for (const [part, raw, gz] of rows.sort((a, b) => b[2] - a[2])) {
  console.log(`${part.padEnd(52)} ${kb(raw)} ${kb(gz)}  ${((100 * gz) / total).toFixed(1).padStart(4)} %`);
}

function importedFunctions(sections) {
  const imports = sections.find((s) => s.id === 2)?.body;
  if (!imports) return 0;
  let [count, at] = leb(imports, 0);
  let functions = 0;
  while (count-- > 0) {
    at = name(imports, name(imports, at)[1])[1];
    if (imports[at] === 0) functions++;
    at = importEnd(imports, at);
  }
  return functions;
}

// The "name" section's function names: index → name.
function functionNames(sections) {
  const names = new Map();
  const section = sections.find((s) => s.id === 0 && name(s.body, 0)[0] === 'name');
  if (!section) throw new Error('wasm-parts: the wasm has no function names (build it with ./dev.sh sizes)');
  const body = section.body;
  let at = name(body, 0)[1];
  while (at < body.length) {
    const [size, start] = leb(body, at + 1);
    if (body[at] === 1) {
      let [count, p] = leb(body, start);
      while (count-- > 0) {
        const [i, q] = leb(body, p);
        const [text, r] = name(body, q);
        names.set(i, text);
        p = r;
      }
    }
    at = start + size;
  }
  return names;
}
