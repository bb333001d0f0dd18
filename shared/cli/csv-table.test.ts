import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv-table.ts';

describe('writeCsv and readCsv', () => {
  const hostile = ["=cmd|' /C calc'!A0", '@SUM(1,2)', '+SUM(1+1)', '-2+3', '\tTAB', '\r=1'];

  it('writes a value a spreadsheet would run as a formula after a quote mark', () => {
    const csv = writeCsv(['value'], [...hostile.map((value) => [value])], ',');
    const cells = csv.slice(1).split('\n').slice(1, -1);
    expect(cells).toEqual([
      `'=cmd|' /C calc'!A0`,
      `"'@SUM(1,2)"`,
      `'+SUM(1+1)`,
      `'-2+3`,
      `'\tTAB`,
      `"'\r=1"`,
    ]);
  });

  it('writes numbers and ordinary text as they are', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd'], [['12,5', '0', "l'eau", 'a=b']], ';');
    expect(csv).toBe("\uFEFFa;b;c;d\n12,5;0;l'eau;a=b\n");
  });

  it('reads back every value as it was given, a value starting with a quote mark included', () => {
    const values = [...hostile, "'quoted'", "'=not a formula", "''-2", "'", 'plain', ''];
    const csv = writeCsv(['value', 'n'], [...values.map((value) => [value, '1'])], ';');
    const read = readCsv(csv.slice(1));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.table.rows.map((row) => row.values[0])).toEqual(values);
  });

  it('keeps the quote mark of a value that is not a formula', () => {
    const read = readCsv("titre\n'quoted\n'2026\n");
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.table.rows.map((row) => row.values[0])).toEqual(["'quoted", "'2026"]);
  });
});
