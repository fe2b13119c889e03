import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = 'a,b,c\r\n1,"x, y",z\n\n2,"say ""hi""","two\nlines"\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'z'] },
      { line: 4, fields: ['2', 'say "hi"', 'two\nlines'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('drops a byte-order mark and reads a last line without a line break', () => {
    expect(parseCsv('\uFEFFcode\nX')).toEqual([
      { line: 1, fields: ['code'] },
      { line: 2, fields: ['X'] },
    ]);
  });

  it('refuses an unterminated quote, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('line 2: a quoted field is never closed');
  });
});
