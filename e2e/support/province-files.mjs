// Generated unit files for a province's roll-up (tinh-cchc): xa-01b drafts
// of xã, phường and đặc khu, their names spelt as clerks type them
// (capitals, «UBND», «Ủy ban nhân dân», no body at all), with dossier
// figures. Used by e2e/province.test.mjs and the bench.

const SYLLABLES = [
  'An', 'Bình', 'Hòa', 'Phú', 'Thạnh', 'Long', 'Tân', 'Mỹ', 'Đông', 'Tây', 'Nam', 'Bắc', 'Hưng', 'Lộc', 'Phước', 'Vĩnh',
  'Trung', 'Thuận', 'Xuân', 'Quang', 'Sơn', 'Hải', 'Thủy', 'Khánh', 'Cường', 'Đức', 'Hiệp', 'Lợi', 'Thắng', 'Hội',
];
const KINDS = [
  ['xã', 'XÃ'],
  ['phường', 'PHƯỜNG'],
  ['đặc khu', 'ĐẶC KHU'],
];

/** Upper case the way Vietnamese letters do (Đ, Ư, tones). */
const upper = (s) => s.toLocaleUpperCase('vi');

/** The `i`-th unit of `count`: its kind (0 xã, 1 phường, 2 đặc khu), its name, and how it is typed. */
export function unit(i, count) {
  const a = SYLLABLES[i % SYLLABLES.length];
  const b = SYLLABLES[(Math.floor(i / SYLLABLES.length) * 7 + i * 3 + 5) % SYLLABLES.length];
  const c = Math.floor(i / (SYLLABLES.length * SYLLABLES.length));
  const name = `${a} ${b}${c > 0 ? ` ${c + 1}` : ''}`;
  // About 13 đặc khu in 3.321, a fifth phường: at least one of each kind.
  const kind = i % 250 === 7 || i === count - 1 ? 2 : i % 5 === 1 ? 1 : 0;
  const [low, up] = KINDS[kind];
  const spellings = [
    `ỦY BAN NHÂN DÂN ${up} ${upper(name)}`,
    `UBND ${low} ${name}`,
    `Ủy ban nhân dân ${low} ${name}`,
    `${up} ${upper(name)}`,
    `UBND ${up.charAt(0)}${low.slice(1)} ${name}`,
  ];
  const spelling = i % spellings.length;
  // As the province's table names it: «UBND xã …», or «xã …» when typed with no body.
  const row = `${spelling === 3 ? '' : 'UBND '}${low} ${name}`;
  return { kind, name, typed: spellings[spelling], row };
}

/** The figures of the `i`-th unit: received 3.3.1 and on time 3.3.2, and two indicators summarised. */
export function figures(i) {
  const received = 200 + ((i * 37) % 1800);
  const onTime = received - (i % 9);
  return { '3.3.1': received, '3.3.2': onTime, '1.1': i % 4 === 0 ? 0 : 1, '3.1.3': 40 + (i % 20), '3.4.3': 5 + (i % 11) };
}

/** A number as Vietnamese clerks write it: 1.603. */
export const vn = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** One unit's .json draft file. */
export function draftFile(i, count, { year = '2026', period = 'year', updatedAt = 10 + i, values } = {}) {
  const u = unit(i, count);
  const f = values ?? figures(i);
  const texts = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, vn(v)]));
  return JSON.stringify({
    kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id: `dv-${i}`, name: '', created_at: 1, updated_at: updatedAt, revision: 1,
    report: { template_id: 'xa-01b', template_version: 1, header: { unit: u.typed, period, year }, values: texts, notes: {} },
  });
}

/** `count` unit files as `setInputFiles` takes them. */
export function unitFiles(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `don-vi-${String(i + 1).padStart(4, '0')}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(draftFile(i, count)),
  }));
}
