import { XML_DECL, W_NS, attr } from '../xml';
import { S } from './styles';
import { runContent } from './runs';

// comments.xml and commentsExtended.xml. A thread is a comment; each reply is a comment of its own whose
// commentsExtended entry names the thread's last paragraph (w15:paraIdParent), which is how Word threads them.
// A resolved thread is marked done (w15:done="1").

export interface WordComment {
  author: string;
  initials: string;
  /** ms since epoch */
  date: number;
  paragraphs: string[];
  parentId?: number;
  done?: boolean;
}

export class WordComments {
  private readonly items: Array<{ id: number; paraId: string; parentParaId?: string; done: boolean; xml: string }> = [];
  // Paragraph ids are 8 hex digits below 0x80000000 and unique in the package; only comment paragraphs carry them.
  private nextParaId = 0x10000001;

  add(c: WordComment): number {
    const id = this.items.length;
    const paras = c.paragraphs.length ? c.paragraphs : [''];
    let lastParaId = '';
    const body = paras
      .map((text, i) => {
        const paraId = (this.nextParaId++).toString(16).toUpperCase().padStart(8, '0');
        lastParaId = paraId;
        const ref = i === 0 ? `<w:r><w:rPr><w:rStyle w:val="${S.commentReference}"/></w:rPr><w:annotationRef/></w:r>` : '';
        return `<w:p w14:paraId="${paraId}" w14:textId="77777777"><w:pPr><w:pStyle w:val="${S.commentText}"/></w:pPr>${ref}${text ? `<w:r>${runContent(text)}</w:r>` : ''}</w:p>`;
      })
      .join('');
    const date = Number.isFinite(c.date) && c.date > 0 ? new Date(c.date).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
    const parent = c.parentId !== undefined ? this.items[c.parentId] : undefined;
    this.items.push({
      id,
      paraId: lastParaId,
      parentParaId: parent?.paraId,
      done: !!c.done,
      xml:
        `<w:comment w:id="${id}" w:author="${attr(c.author || '?')}"${date ? ` w:date="${date}"` : ''} w:initials="${attr(c.initials || '?')}">` +
        `${body}</w:comment>`,
    });
    return id;
  }

  get count(): number {
    return this.items.length;
  }

  xml(): string {
    return `${XML_DECL}<w:comments ${W_NS}>${this.items.map((i) => i.xml).join('')}</w:comments>`;
  }

  extendedXml(): string {
    const entries = this.items.map(
      (i) => `<w15:commentEx w15:paraId="${i.paraId}"${i.parentParaId ? ` w15:paraIdParent="${i.parentParaId}"` : ''} w15:done="${i.done ? 1 : 0}"/>`,
    );
    return (
      `${XML_DECL}<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">' +
      `${entries.join('')}</w15:commentsEx>`
    );
  }
}

/** "Jane Doe (ACME)" -> "JD". */
export function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return (words.slice(0, 3).map((w) => w[0]).join('') || '?').toUpperCase();
}
