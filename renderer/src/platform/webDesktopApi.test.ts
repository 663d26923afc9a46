// Runs in plain Node: a tiny fake DOM stands in for document and window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuEvent } from '../../../common/desktopApi';
import { acceptFor, dispatchMenu, MAX_OPEN_BYTES, webDesktopApi } from './webDesktopApi';

class FakeElement extends EventTarget {
  style: Record<string, string> = {};
  href = '';
  download = '';
  rel = '';
  type = '';
  accept = '';
  files: File[] | null = null;
  attached = false;
  constructor(
    readonly tagName: string,
    private readonly onClick: (el: FakeElement) => void,
  ) {
    super();
  }
  click() {
    this.onClick(this);
  }
  remove() {
    this.attached = false;
  }
}

let created: FakeElement[];
let onClick: (el: FakeElement) => void;
let blobs: Map<string, Blob>;

beforeEach(() => {
  created = [];
  blobs = new Map();
  onClick = () => undefined;
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      const el = new FakeElement(tag, (e) => onClick(e));
      created.push(el);
      return el;
    },
    body: { append: (el: FakeElement) => (el.attached = true) },
  });
  vi.stubGlobal('window', { open: vi.fn(() => null) });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:fake/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('saveFile', () => {
  it('downloads the bytes through a hidden <a download> and reports the name', async () => {
    vi.useFakeTimers();
    let clicked: FakeElement | undefined;
    onClick = (el) => (clicked = { ...el, attached: el.attached } as FakeElement);
    const result = await webDesktopApi.saveFile({ suggestedName: 'Report.docx', data: new Uint8Array([80, 75, 3, 4]) });
    expect(result).toEqual({ saved: true, location: 'Report.docx' });
    expect(clicked).toMatchObject({ tagName: 'a', download: 'Report.docx', href: 'blob:fake/0', attached: true });
    expect(created[0].attached).toBe(false);
    expect([...new Uint8Array(await blobs.get('blob:fake/0')!.arrayBuffer())]).toEqual([80, 75, 3, 4]);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:fake/0');
  });
});

describe('openFile', () => {
  it('reads the chosen file through a hidden file input limited to the filter extensions', async () => {
    onClick = (input) => {
      input.files = [new File([new Uint8Array([1, 2, 3])], 'contribution.docx')];
      input.dispatchEvent(new Event('change'));
    };
    const opened = await webDesktopApi.openFile({ filters: [{ name: 'Word', extensions: ['docx', 'DOCX'] }] });
    expect(opened).toEqual({ name: 'contribution.docx', data: new Uint8Array([1, 2, 3]) });
    expect(created[0]).toMatchObject({ tagName: 'input', type: 'file', accept: '.docx', attached: false });
  });

  it('resolves null when the picker is cancelled', async () => {
    onClick = (input) => input.dispatchEvent(new Event('cancel'));
    expect(await webDesktopApi.openFile({})).toBeNull();
    expect(created[0].attached).toBe(false);
  });

  it('refuses files over the cap with a clear message', async () => {
    const big = new File(['x'], 'huge.docx');
    Object.defineProperty(big, 'size', { value: MAX_OPEN_BYTES + 1 });
    onClick = (input) => {
      input.files = [big];
      input.dispatchEvent(new Event('change'));
    };
    await expect(webDesktopApi.openFile({})).rejects.toThrow('"huge.docx" is 50.0 MB; files larger than 50.0 MB cannot be opened.');
  });
});

describe('acceptFor', () => {
  it('builds the accept attribute, empty when anything goes', () => {
    expect(acceptFor([{ name: 'Word', extensions: ['docx'] }, { name: 'Text', extensions: ['txt', 'md'] }])).toBe('.docx,.txt,.md');
    expect(acceptFor([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptFor(undefined)).toBe('');
  });
});

describe('openExternal', () => {
  it('opens https and mailto in a new tab without opener or referrer', async () => {
    expect(await webDesktopApi.openExternal('https://example.org/')).toBe(true);
    expect(await webDesktopApi.openExternal('mailto:a@b.org')).toBe(true);
    expect(window.open).toHaveBeenCalledWith('https://example.org/', '_blank', 'noopener,noreferrer');
    expect(window.open).toHaveBeenCalledTimes(2);
  });

  it('refuses every other scheme', async () => {
    for (const url of ['javascript:alert(1)', 'http://example.org', 'file:///etc/passwd', 'data:text/html,x', 'nonsense']) {
      expect(await webDesktopApi.openExternal(url), url).toBe(false);
    }
    expect(window.open).not.toHaveBeenCalled();
  });
});

describe('appInfo', () => {
  it('reports the web platform and the package version', async () => {
    const info = await webDesktopApi.appInfo();
    expect(info).toMatchObject({ name: 'Rapporteur', platform: 'web' });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('onMenu / dispatchMenu', () => {
  it('delivers dispatched commands to subscribers until they unsubscribe', () => {
    const a: MenuEvent[] = [];
    const b: MenuEvent[] = [];
    const offA = webDesktopApi.onMenu((event) => a.push(event));
    const offB = webDesktopApi.onMenu((event) => b.push(event));
    dispatchMenu({ command: 'new-document' });
    offA();
    dispatchMenu({ command: 'export' });
    offB();
    dispatchMenu({ command: 'rebuild-index' });
    expect(a).toEqual([{ command: 'new-document' }]);
    expect(b).toEqual([{ command: 'new-document' }, { command: 'export' }]);
  });

  it('isolates a throwing listener', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: MenuEvent[] = [];
    const off1 = webDesktopApi.onMenu(() => {
      throw new Error('boom');
    });
    const off2 = webDesktopApi.onMenu((event) => got.push(event));
    dispatchMenu({ command: 'import-docx' });
    off1();
    off2();
    expect(got).toEqual([{ command: 'import-docx' }]);
  });
});
