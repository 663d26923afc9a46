import { Paragraph } from 'docx';
import { S } from './styles';
import { textRuns } from './text';

// Footnotes through docx's `footnotes` option (docx adds the separators and each note's reference mark). Notes
// are numbered from 1 by one allocator per export, so ids stay unique across the chapters of a compilation.

export class Footnotes {
  private readonly notes: Record<string, { children: Paragraph[] }> = {};
  private next = 1;

  /** Adds a note and returns its id. `text` must already be redacted if needed. */
  add(text: string): number {
    const id = this.next++;
    this.notes[id] = { children: [new Paragraph({ style: S.footnoteText, children: textRuns(` ${text.trim()}`) })] };
    return id;
  }

  get count(): number {
    return this.next - 1;
  }

  options(): Record<string, { children: Paragraph[] }> {
    return this.notes;
  }
}
