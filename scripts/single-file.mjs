// Builds one self-contained .html from the release dist/: the CSS, the
// icon, the JS glue and the wasm are all inside it, so a commune can open
// it by double-click (file://) with no server and no network.
//
// The page is assembled by the app's own code (core::edition, the same that
// builds a province's edition in the browser), through the native example
// examples/single_file.rs: one implementation, tested natively.
import { execFileSync } from 'node:child_process';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/bieumau-cchc.html';
execFileSync('cargo', ['run', '--offline', '--quiet', '--example', 'single_file', '--', dist, out], { stdio: 'inherit' });
