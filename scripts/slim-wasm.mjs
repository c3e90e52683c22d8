// Called by post-build.mjs on a release build: what wasm-bindgen leaves in
// the wasm and its JS glue that a browser never needs, then wasm-opt.
// 1. Leptos always brings server_fn, which brings wasm-streams, whose three
//    classes (IntoUnderlyingSource, …Sink, …ByteSource) wasm-bindgen exports
//    to JS. The app never makes a server call, so nothing uses them; being
//    exports, they kept their code alive. They are dropped from the glue,
//    then every export the glue does not use from the wasm, before wasm-opt
//    removes what only they reached. (About 6,5 KB of wasm-streams' futures
//    stay: their vtables in the data keep them in the function table.)
// 2. Import and export names: wasm-bindgen names each import after its Rust
//    function with a 16-digit hash (`__wbg_setattribute_2a8f…`), each closure
//    export after its full type (150 characters), and both the wasm and the
//    glue carry every name once. They become `a`, `b`, … in both (the
//    runtime's short export names stay).
// Each rewrite asserts the exact text it replaces, so a wasm-bindgen that
// writes its glue differently fails the build here instead of shipping a
// page that does not start.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMain } from './is-main.mjs';

// binaryen 132 from npm (./dev.sh installs it), never another wasm-opt on
// PATH (Debian's corrupts the wasm: ../shared/reference/toolchain.md).
const WASM_OPT_BIN = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));

// The flags trunk would pass (index.html sets data-wasm-opt="0"): -Oz for
// size. low-memory-unused lets wasm-opt fold constant offsets into loads and
// stores: the first 1 KB of memory is the far end of Rust's 1 MB stack,
// which lies first in memory and is reached only by a stack about to
// overflow. reorder-functions-by-name lays the functions out in the order
// of their Rust names, so the copies of one generic function (a signal's
// `set` for each type, a list's `build` for each row type) lie side by side
// where gzip finds their likeness: 5,2 KB less gzipped, the same code. The
// strip passes drop metadata sections no browser reads.
const WASM_OPT = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--low-memory-unused', '--reorder-functions-by-name',
  '--strip-producers', '--strip-target-features'];

const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const IMPORT_MODULE = './bieumau_bg.js';
const KEPT_NAME = 32;

/** `wasm` (bytes of wasm-bindgen's output) and `glue` (its JS): both slimmed,
 * the wasm through wasm-opt (`wasmPath` is where it is written). With
 * `names`, the wasm keeps its function names, for twiggy (`./dev.sh sizes`). */
export function slim(wasm, glue, wasmPath, { names = false } = {}) {
  const sections = readSections(wasm);
  const exportNames = shortNames();
  const glueOut = { text: glue };

  for (const cls of UNUSED_CLASSES) removeClass(glueOut, cls);

  const imports = sections.find((s) => s.id === 2);
  const exports = sections.find((s) => s.id === 7);
  if (!imports || !exports) throw new Error('slim-wasm: the wasm has no import or export section');
  const importNames = shortNames();
  imports.body = rewriteImports(imports.body, (module, name) => {
    if (module !== IMPORT_MODULE) throw new Error(`slim-wasm: an import from ${module}`);
    const short = importNames();
    replaceOnce(glueOut, new RegExp(`(\\n\\s+)${escape(name)}(: function\\()`), `$1${short}$2`, name);
    return ['a', short];
  });
  replaceOnce(glueOut, new RegExp(`"${escape(IMPORT_MODULE)}": import0`), 'a: import0', 'the import module');
  // An export the glue does not use (wasm-streams' class methods once their
  // classes are gone, `main`, which __wbindgen_start calls) is dropped. The
  // runtime's own (`__wbindgen_malloc`, `__externref_table_dealloc`, …) keep
  // their names; the closure shims, named after their Rust types, do not.
  exports.body = rewriteExports(exports.body, (name) => {
    const uses = new RegExp(`\\bwasm\\.${escape(name)}(?![\\w$])`, 'g');
    if (!uses.test(glueOut.text)) return null;
    if (name.length <= KEPT_NAME) return name;
    const short = exportNames();
    glueOut.text = glueOut.text.replace(uses, `wasm.${short}`);
    return short;
  });
  const left = glueOut.text.match(/\bIntoUnderlying\w*|wasm\.\w*intounderlying\w*/);
  if (left) throw new Error(`slim-wasm: the glue still uses ${left[0]}`);

  writeFileSync(wasmPath, writeSections(sections));
  if (!existsSync(WASM_OPT_BIN)) throw new Error(`slim-wasm: ${WASM_OPT_BIN} is missing: run ./dev.sh setup`);
  const flags = names ? [...WASM_OPT.filter((f) => !f.startsWith('--strip')), '-g', '--strip-dwarf'] : WASM_OPT;
  const run = spawnSync(WASM_OPT_BIN, [...flags, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`slim-wasm: wasm-opt failed (${run.error ?? run.status})`);
  return glueOut.text;
}

// `export class X { … }`, its `Symbol.dispose` line and its finalization
// registry, as wasm-bindgen 0.2.130 writes them.
function removeClass(glue, cls) {
  replaceOnce(glue, new RegExp(`export class ${cls} \\{[\\s\\S]*?\\nif \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`), '', cls);
  replaceOnce(glue, new RegExp(`const ${cls}Finalization = [^;]*;\\n`), '', `${cls}Finalization`);
}

function replaceOnce(glue, pattern, by, what) {
  const global = new RegExp(pattern.source, 'g');
  const count = [...glue.text.matchAll(global)].length;
  if (count !== 1) throw new Error(`slim-wasm: ${what} is in the JS glue ${count} times, not once`);
  glue.text = glue.text.replace(pattern, by);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// a, …, z, A, …, Z, aA, …, Z9, aAA, …: a first letter of 52, then
// characters of 36 (capitals and digits), so never `__proto__` or a keyword.
function shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let next = 0;
  return () => {
    let n = next++;
    let s = first[n % 52];
    n = Math.floor(n / 52);
    while (n > 0) {
      s += rest[(n - 1) % 36];
      n = Math.floor((n - 1) / 36);
    }
    return s;
  };
}

// The wasm binary format: sections of (id, LEB128 size, body); names are
// (LEB128 length, UTF-8).
export function readSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('slim-wasm: not a wasm file');
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    sections.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return sections;
}

function writeSections(sections) {
  const parts = [Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])];
  for (const s of sections) parts.push(Buffer.from([s.id]), uleb(s.body.length), s.body);
  return Buffer.concat(parts);
}

export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

export function name(bytes, at) {
  const [len, start] = leb(bytes, at);
  return [bytes.subarray(start, start + len).toString('utf8'), start + len];
}

const encodeName = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([uleb(b.length), b]);
};

// An import is (module, name, kind, description); only the names change.
function rewriteImports(body, rename) {
  let [count, at] = leb(body, 0);
  const out = [uleb(count)];
  while (count-- > 0) {
    const [module, afterModule] = name(body, at);
    const [field, afterField] = name(body, afterModule);
    const end = importEnd(body, afterField);
    const [m, f] = rename(module, field);
    out.push(encodeName(m), encodeName(f), body.subarray(afterField, end));
    at = end;
  }
  return Buffer.concat(out);
}

export function importEnd(body, at) {
  const kind = body[at++];
  const limits = (p) => {
    const flags = body[p++];
    p = leb(body, p)[1];
    return flags & 1 ? leb(body, p)[1] : p;
  };
  switch (kind) {
    case 0: return leb(body, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits (reference types: one byte)
    case 2: return limits(at); // memory
    case 3: return at + 2; // global: value type, mutability
    default: throw new Error(`slim-wasm: an import of kind ${kind}`);
  }
}

// An export is (name, kind, index); `rename` gives its new name, or null to drop it.
function rewriteExports(body, rename) {
  let [count, at] = leb(body, 0);
  const kept = [];
  while (count-- > 0) {
    const [field, afterField] = name(body, at);
    const end = leb(body, afterField + 1)[1];
    const to = rename(field);
    if (to !== null) kept.push(encodeName(to), body.subarray(afterField, end));
    at = end;
  }
  return Buffer.concat([uleb(kept.length / 2), ...kept]);
}

// `node scripts/slim-wasm.mjs <in.wasm> <glue.js> <out.wasm> --names`: the
// same for the size analysis, which reads function names.
if (isMain(import.meta.url)) {
  const [input, gluePath, output] = process.argv.slice(2);
  slim(readFileSync(input), readFileSync(gluePath, 'utf8'), output, { names: process.argv.includes('--names') });
}
