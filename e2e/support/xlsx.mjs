// Reads a downloaded .xlsx for the tests: the zip's central directory
// (stored or deflated entries), then the cells of the first worksheet.
import { inflateRawSync } from 'node:zlib';
import { assertValidOoxml } from './ooxml.mjs';

export function unzip(buffer) {
  const entries = new Map();
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const raw = buffer.subarray(dataAt, dataAt + size);
    entries.set(name, method === 0 ? raw : inflateRawSync(raw));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Cells of the first sheet: Map "D27" → { value: number|string, style: number }. */
export function readCells(buffer) {
  assertValidOoxml(buffer, 'downloaded.xlsx');
  const files = unzip(buffer);
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8');
  if (!sheet) throw new Error('no worksheet');
  const cells = cellsOf(sheet, sharedStrings(files));
  return { cells, files };
}

/** The workbook's shared strings, in order (escaped as in the file). */
function sharedStrings(files) {
  const xml = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  // Each <si> in order, an empty one (<t/>) included: a skipped one would
  // shift every index after it.
  return [...xml.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => (m[1].match(/^<t[^>]*>(.*)<\/t>$/s)?.[1] ?? ''));
}

function cellsOf(xml, strings) {
  const cells = new Map();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"(?: t="(\w+)")?(?:\/>|>(.*?)<\/c>)/g)) {
    const [, ref, style, type, body = ''] = m;
    let value = null;
    if (type === 'inlineStr') value = unescape(body.replace(/^<is><t[^>]*>/, '').replace(/<\/t><\/is>$/, ''));
    else if (type === 's') value = unescape(strings[Number(body.slice(3, -4))] ?? '');
    else if (body.startsWith('<v>')) value = Number(body.slice(3, -4));
    cells.set(ref, { ref, value, style: Number(style) });
  }
  return cells;
}

/** A tag's attributes, in any order. */
const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** Each sheet's name and XML, in the workbook's order, whoever wrote it (LibreOffice too). */
function sheetParts(files) {
  const text = (part) => files.get(part).toString('utf8');
  const rels = [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*>/g)].map((m) => attrs(m[0]));
  return [...text('xl/workbook.xml').matchAll(/<sheet [^>]*>/g)].map((m) => {
    const sheet = attrs(m[0]);
    const target = rels.find((r) => r.Id === sheet['r:id']).Target.replace(/^\/?xl\//, '');
    return { name: unescape(sheet.name), xml: text(`xl/${target}`) };
  });
}

/** Every sheet of a workbook, in order: { name, orientation, cells }. */
export function readWorkbook(buffer) {
  assertValidOoxml(buffer, 'downloaded.xlsx');
  const files = unzip(buffer);
  const strings = sharedStrings(files);
  const sheets = sheetParts(files).map(({ name, xml }) => {
    const orientation = /orientation="(\w+)"/.exec(xml)?.[1];
    return { name, orientation, cells: cellsOf(xml, strings) };
  });
  return { sheets, files };
}

/**
 * The number format of each column's empty cells in sheet `name`, as the
 * workbook's `<col style>` gives it: column letter → format code (`@` is
 * text, what is typed there stays as typed; `General` lets a spreadsheet
 * turn `2.10` into 2,1).
 */
export function columnFormats(buffer, name) {
  const files = unzip(buffer);
  const text = (part) => files.get(part).toString('utf8');
  const styles = text('xl/styles.xml');
  const custom = new Map([...styles.matchAll(/<numFmt [^>]*>/g)].map((m) => attrs(m[0])).map((f) => [f.numFmtId, unescape(f.formatCode)]));
  const builtIn = { 0: 'General', 49: '@' };
  const xfs = [...styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)[1].matchAll(/<xf [^>]*>/g)].map((m) => attrs(m[0]).numFmtId);
  const formats = {};
  for (const m of sheetParts(files).find((s) => s.name === name).xml.matchAll(/<col [^>]*>/g)) {
    const col = attrs(m[0]);
    const id = xfs[Number(col.style ?? 0)];
    for (let i = Number(col.min); i <= Number(col.max); i++) formats[String.fromCharCode(64 + i)] = custom.get(id) ?? builtIn[id] ?? id;
  }
  return formats;
}
