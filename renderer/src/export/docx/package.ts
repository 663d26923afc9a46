import { zipSync } from 'fflate';
import { XML_DECL, attr } from '../xml';

// Assembles the OPC package: content types, package and document relationships, and the zip itself.
// The parts' XML is produced elsewhere; this file only knows which part is which.

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** A part of word/ that the main document refers to by relationship. */
export interface WordPart {
  /** file name under word/ */
  name: string;
  xml: string;
  contentType: string;
  relType: string;
}

export const PART_TYPES = {
  styles: { contentType: `${CT}.styles+xml`, relType: `${REL}/styles` },
  settings: { contentType: `${CT}.settings+xml`, relType: `${REL}/settings` },
  numbering: { contentType: `${CT}.numbering+xml`, relType: `${REL}/numbering` },
  footnotes: { contentType: `${CT}.footnotes+xml`, relType: `${REL}/footnotes` },
  comments: { contentType: `${CT}.comments+xml`, relType: `${REL}/comments` },
  commentsExtended: {
    contentType: `${CT}.commentsExtended+xml`,
    relType: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
  },
  header: { contentType: `${CT}.header+xml`, relType: `${REL}/header` },
  footer: { contentType: `${CT}.footer+xml`, relType: `${REL}/footer` },
} as const;

/** Relationships of word/document.xml: parts get rIdN in order, hyperlinks are added while rendering. */
export class DocumentRels {
  private readonly rels: Array<{ id: string; type: string; target: string; external: boolean }> = [];
  private readonly byUrl = new Map<string, string>();

  add(type: string, target: string, external = false): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target, external });
    return id;
  }

  /** One relationship per distinct URL (Word does the same; it keeps the rels part small for link-heavy text). */
  hyperlink(url: string): string {
    let id = this.byUrl.get(url);
    if (!id) {
      id = this.add(`${REL}/hyperlink`, url, true);
      this.byUrl.set(url, id);
    }
    return id;
  }

  xml(): string {
    const items = this.rels.map(
      (r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${attr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    );
    return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
  }
}

function contentTypes(parts: WordPart[]): string {
  const overrides = [
    `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>`,
    ...parts.map((p) => `<Override PartName="/word/${p.name}" ContentType="${p.contentType}"/>`),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.join('')}</Types>`
  );
}

const PACKAGE_RELS =
  `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function coreXml(title: string): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${attr(title)}</dc:title><dc:creator>Rapporteur</dc:creator></cp:coreProperties>`
  );
}

const APP_XML =
  `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>Rapporteur</Application></Properties>';

// A fixed timestamp keeps the bytes deterministic: the same input always gives the same file.
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export function packageDocx(input: { documentXml: string; parts: WordPart[]; rels: DocumentRels; title: string }): Uint8Array {
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc.encode(contentTypes(input.parts)),
    '_rels/.rels': enc.encode(PACKAGE_RELS),
    'docProps/core.xml': enc.encode(coreXml(input.title)),
    'docProps/app.xml': enc.encode(APP_XML),
    'word/document.xml': enc.encode(input.documentXml),
    'word/_rels/document.xml.rels': enc.encode(input.rels.xml()),
  };
  for (const p of input.parts) files[`word/${p.name}`] = enc.encode(p.xml);
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}
