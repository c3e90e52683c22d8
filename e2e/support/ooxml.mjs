// Every downloaded .docx and .xlsx is checked against the Office Open XML
// schemas by openxml-audit (scripts/validate-ooxml.py, which first checks
// that the validator catches a misordered table): zero findings, or the
// test fails. A missing validator fails too (./dev.sh setup installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'validate-ooxml.py');

/** Throws with the validator's findings unless `bytes` (a .docx or .xlsx named `fileName`) is valid. */
export function assertValidOoxml(bytes, fileName) {
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-ooxml-'));
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  try {
    execFileSync('python3', [script, path], { stdio: 'pipe', timeout: 120000 });
  } catch (e) {
    throw new Error(`${fileName} is not valid Open XML (openxml-audit, exit ${e.status}):\n${e.stdout}${e.stderr}`);
  }
}
