import { Paragraph } from 'docx';
import type { RenderContext } from './context';
import { S } from './styles';
import { textRuns } from './text';

// The title page: title, process (the workspace), date and status, set a third of the way down the page.

export function titlePage(o: { title: string; process: string; date: string; status: string }, ctx: RenderContext): Paragraph[] {
  const r = ctx.redactor.redact;
  return [
    new Paragraph({ style: S.title, spacing: { before: 3600 }, children: textRuns(r(o.title) || ' ') }),
    ...(o.process ? [new Paragraph({ style: S.subtitle, children: textRuns(r(o.process)) })] : []),
    ...(o.date ? [new Paragraph({ style: S.titleMeta, children: textRuns(r(o.date)) })] : []),
    ...(o.status ? [new Paragraph({ style: S.titleMeta, children: textRuns(r(o.status), { bold: true }) })] : []),
  ];
}
