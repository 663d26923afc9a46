import { describe, expect, it } from 'vitest';
import { IpcArgumentError, MAX_SAVE_BYTES, parseFilters, parseOpenFileRequest, parseSaveFileRequest, parseUrl, safeFileName } from './ipcArgs';

describe('parseSaveFileRequest', () => {
  const data = new Uint8Array([1, 2, 3]);

  it('accepts a well-formed request and keeps only known fields', () => {
    const request = parseSaveFileRequest({ suggestedName: 'Report.docx', data, filters: [{ name: 'Word', extensions: ['docx'] }], extra: 'x' });
    expect(request).toEqual({ suggestedName: 'Report.docx', data, filters: [{ name: 'Word', extensions: ['docx'] }] });
    expect(request).not.toHaveProperty('extra');
  });

  it('accepts a Node Buffer (a Uint8Array)', () => {
    expect(parseSaveFileRequest({ suggestedName: 'a', data: Buffer.from('x') }).data).toBeInstanceOf(Uint8Array);
  });

  it('rejects anything that is not bytes and a name', () => {
    for (const bad of [
      undefined,
      null,
      'Report.docx',
      [],
      { suggestedName: 'a' },
      { suggestedName: 'a', data: 'text' },
      { suggestedName: 'a', data: [1, 2, 3] },
      { suggestedName: 'a', data: new ArrayBuffer(3) },
      { suggestedName: 'a', data: { 0: 1, length: 1 } },
      { suggestedName: 42, data },
      { suggestedName: 'a', data, filters: 'docx' },
    ]) {
      expect(() => parseSaveFileRequest(bad), JSON.stringify(bad)).toThrow(IpcArgumentError);
    }
  });

  it('rejects oversized data', () => {
    const huge = { byteLength: MAX_SAVE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(() => parseSaveFileRequest({ suggestedName: 'a', data: huge })).toThrow(/200 MiB/);
  });

  it('strips directories from the suggested name', () => {
    expect(parseSaveFileRequest({ suggestedName: '../../.bashrc', data }).suggestedName).toBe('.bashrc');
    expect(parseSaveFileRequest({ suggestedName: 'C:\\Windows\\evil.dll', data }).suggestedName).toBe('evil.dll');
  });
});

describe('safeFileName', () => {
  it('never returns an empty, dot or control-character name', () => {
    expect(safeFileName('')).toBe('Untitled');
    expect(safeFileName('..')).toBe('Untitled');
    expect(safeFileName('dir/')).toBe('Untitled');
    expect(safeFileName('a\u0000b\nc.docx')).toBe('abc.docx');
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });
});

describe('parseFilters', () => {
  it('accepts plain extensions and *', () => {
    expect(parseFilters([{ name: 'All', extensions: ['*'] }, { name: 'Word', extensions: ['docx', 'DOC'] }])).toHaveLength(2);
    expect(parseFilters(undefined)).toBeUndefined();
  });

  it('rejects malformed filters', () => {
    for (const bad of [
      {},
      [{ name: 'x' }],
      [{ name: 'x', extensions: [] }],
      [{ name: 'x', extensions: ['.docx'] }],
      [{ name: 'x', extensions: ['do cx'] }],
      [{ name: 'x', extensions: ['../x'] }],
      [{ extensions: ['docx'] }],
      Array.from({ length: 21 }, () => ({ name: 'x', extensions: ['a'] })),
    ]) {
      expect(() => parseFilters(bad), JSON.stringify(bad)).toThrow(IpcArgumentError);
    }
  });
});

describe('parseOpenFileRequest / parseUrl', () => {
  it('accepts missing or object requests only', () => {
    expect(parseOpenFileRequest(undefined)).toEqual({});
    expect(parseOpenFileRequest({ filters: [{ name: 'Word', extensions: ['docx'] }] })).toEqual({ filters: [{ name: 'Word', extensions: ['docx'] }] });
    expect(() => parseOpenFileRequest('docx')).toThrow(IpcArgumentError);
    expect(() => parseOpenFileRequest({ filters: [1] })).toThrow(IpcArgumentError);
  });

  it('accepts only bounded strings as URLs', () => {
    expect(parseUrl('https://example.org')).toBe('https://example.org');
    expect(() => parseUrl(42)).toThrow(IpcArgumentError);
    expect(() => parseUrl({ toString: () => 'https://example.org' })).toThrow(IpcArgumentError);
    expect(() => parseUrl(`https://example.org/${'a'.repeat(9000)}`)).toThrow(IpcArgumentError);
  });
});
