import { AnnotationReference, Paragraph, TextRun, type ICommentOptions, type ICommentsOptions } from 'docx';
import { S } from './styles';
import { clean, textRuns } from './text';

// Word comments through docx's `comments` option. A thread is a comment; each reply is a comment of its own with
// `parentId`, which docx writes to commentsExtended.xml (w15:paraIdParent) so Word threads them; `resolved` becomes
// w15:done. docx writes commentsExtended.xml only when some comment is a reply, so a resolved thread in a document
// without any reply is not marked done (a limit of docx 9).

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
  private readonly items: ICommentOptions[] = [];

  add(c: WordComment): number {
    const id = this.items.length;
    const paras = c.paragraphs.length ? c.paragraphs : [''];
    const children = paras.map(
      (text, i) =>
        new Paragraph({
          style: S.commentText,
          children: [...(i === 0 ? [new TextRun({ style: S.commentReference, children: [new AnnotationReference()] })] : []), ...textRuns(text)],
        }),
    );
    this.items.push({
      id,
      author: clean(c.author) || '?',
      initials: clean(c.initials) || '?',
      // docx dates a comment without a date at the time of writing
      ...(Number.isFinite(c.date) && c.date > 0 ? { date: new Date(c.date) } : {}),
      children,
      ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
      resolved: !!c.done,
    });
    return id;
  }

  get count(): number {
    return this.items.length;
  }

  options(): ICommentsOptions {
    return { children: this.items };
  }
}

/** "Jane Doe (ACME)" -> "JD". */
export function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return (words.slice(0, 3).map((w) => w[0]).join('') || '?').toUpperCase();
}
