import { Tab, TextRun, type IRunOptions } from 'docx';
import { cleanText } from '../xml';

// Text into runs. Every string of ours that reaches the document passes through here (or through `clean`), so
// control characters, lone surrogates and the other characters XML 1.0 forbids never reach a part: docx escapes
// markup but does not drop those.

/** Run formatting: everything a TextRun takes except its content. */
export type RunProps = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** Text as XML may carry it (see xml.ts). */
export const clean = cleanText;

/** The runs for `text`: tabs become w:tab, line feeds w:br. Empty text gives no run. */
export function textRuns(text: string, props: RunProps = {}): TextRun[] {
  return runOptions(text, props).map((o) => new TextRun(o));
}

/** The options of the runs textRuns makes (tracked changes wrap the same runs in w:ins / w:del). */
export function runOptions(text: string, props: RunProps = {}): IRunOptions[] {
  const t = cleanText(text);
  if (!t) return [];
  if (!/[\t\n\r]/.test(t)) return [{ ...props, text: t }];
  const runs: IRunOptions[] = [];
  t.split(/\r\n|\n|\r/).forEach((line, i) => {
    const children: Array<string | Tab> = [];
    line.split('\t').forEach((part, j) => {
      if (j > 0) children.push(new Tab());
      if (part) children.push(part);
    });
    if (i === 0 && !children.length) return;
    runs.push({ ...props, ...(i > 0 ? { break: 1 } : {}), children });
  });
  return runs;
}
