// What a clerk gets on paper: the page printed to a real A4 PDF by Chromium
// (as "In / Lưu PDF" does), and a downloaded .xlsx printed by LibreOffice
// Calc. Both are read back with poppler's pdfinfo and pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertValidOoxml } from './ooxml.mjs';

/** Pages of a PDF file: each one's text (pdftotext -layout) and whether it is landscape. */
export function readPdf(path) {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path]).toString();
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, w, h]) => ({ width: Number(w), height: Number(h) }));
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
  const texts = text.split('\f').slice(0, sizes.length);
  return {
    path,
    pages: sizes.map((size, i) => ({ ...size, landscape: size.width > size.height, text: texts[i] ?? '' })),
    text,
  };
}

/** Prints the page to A4, as the browser's print dialog does (beforeprint is sent). */
export async function printToPdf(page, name = 'report') {
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-print-'));
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  return readPdf(path);
}

/** A downloaded office file (.xlsx, .docx), checked against the schemas, then printed to PDF by LibreOffice, headless. */
export function officeToPdf(bytes, fileName) {
  assertValidOoxml(bytes, fileName);
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-office-'));
  const source = join(dir, fileName);
  writeFileSync(source, bytes);
  // A profile of its own, so that test files running at once do not share a lock.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source], {
    stdio: 'ignore',
    timeout: 120000,
  });
  const pdf = source.replace(/\.[a-z]+$/, '.pdf');
  readFileSync(pdf); // throws, with the path, if LibreOffice wrote nothing
  return readPdf(pdf);
}
