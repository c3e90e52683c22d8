// A generated template of `n` indicators, for benchmarks: groups of a
// total with three "Trong đó" parts that partition it, a computed sum
// per group, and a heading every 40 groups.
export function stressTemplate(n = 5000) {
  const rows = [];
  const computed = [];
  const groups = Math.floor(n / 4);
  for (let g = 1; g <= groups; g++) {
    if (g % 40 === 1) rows.push({ code: `h${g}`, label: `Nhóm chỉ tiêu ${g}`, kind: 'heading' });
    const code = `${g}`;
    rows.push({ code, label: `Tổng số hồ sơ nhóm ${g}`, unit: 'Hồ sơ', kind: 'count', breakdown: 'partition' });
    for (const part of ['a', 'b', 'c']) {
      rows.push({ code: `${code}.${part}`, label: `Kênh ${part} của nhóm ${g}`, unit: 'Hồ sơ', kind: 'count', part_of: code });
    }
    computed.push({ code: `${code}.cong`, label: `Cộng nhóm ${g}`, after: `${code}.c`, sum: [`${code}.a`, `${code}.b`, `${code}.c`] });
  }
  return {
    format: 1, id: `stress-${n}`, version: 1, name: `Biểu mẫu thử tải ${n} chỉ tiêu`,
    annex: 'Phụ lục thử', title: 'BIỂU MẪU THỬ TẢI', sections: [{ id: 'chi-tieu', rows }], computed, rules: [],
  };
}
