import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, escapeFormula, parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('writes RFC 4180 with a BOM and CRLF, quoting only what needs it', () => {
    const csv = toCsv([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
    expect(csv).toBe('\uFEFFa,"b,c","say ""hi"""\r\n"multi\nline",,x\r\n');
    expect(parseCsv(csv)).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
  });

  it('neutralises formulas and restores them on reading', () => {
    for (const cell of ['=SUM(A1:A9)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(escapeFormula(cell)).toBe(`'${cell}`);
    expect(escapeFormula("it's fine")).toBe("it's fine");
    const csv = toCsv([['=HYPERLINK("http://evil","x")', 'plain']]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(parseCsv(csv)).toEqual([['=HYPERLINK("http://evil","x")', 'plain']]);
  });

  it('reads what spreadsheets save: semicolons, tabs, LF, blank lines kept in place, Windows-1252', () => {
    expect(parseCsv('a;b\n1;"x;y"\n')).toEqual([
      ['a', 'b'],
      ['1', 'x;y'],
    ]);
    expect(parseCsv('a\tb\r\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('h\r\n\r\nrow3\r\n\r\n')).toEqual([['h'], [''], ['row3']]);
    expect(decodeCsvBytes(new Uint8Array([0x52, 0xe9, 0x70, 0x6f, 0x6e, 0x73, 0x65]))).toBe('Réponse');
    expect(parseCsv(decodeCsvBytes(new TextEncoder().encode('\uFEFFRéponse')))).toEqual([['Réponse']]);
  });
});
