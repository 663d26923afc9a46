import { XML_DECL, W_NS } from '../xml';
import { S } from './styles';
import { runContent } from './runs';

// footnotes.xml. Ids -1 and 0 are Word's separator and continuation separator; real notes are numbered from 1
// by one allocator per export, so ids stay unique across the chapters of a compilation.

export class FootnoteBuilder {
  private readonly notes: string[] = [];

  /** Adds a note and returns its id. `text` must already be redacted if needed. */
  add(text: string): number {
    const id = this.notes.length + 1;
    this.notes.push(
      `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="${S.footnoteText}"/></w:pPr>` +
        `<w:r><w:rPr><w:rStyle w:val="${S.footnoteReference}"/></w:rPr><w:footnoteRef/></w:r>` +
        `<w:r>${runContent(' ' + text.trim())}</w:r></w:p></w:footnote>`,
    );
    return id;
  }

  get count(): number {
    return this.notes.length;
  }

  xml(): string {
    return (
      `${XML_DECL}<w:footnotes ${W_NS}>` +
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
      `${this.notes.join('')}</w:footnotes>`
    );
  }
}
