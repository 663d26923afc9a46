import type { RenderContext } from './context';
import { simpleParagraph } from './runs';
import { S } from './styles';

// The title page: title, process (the workspace), date and status, set a third of the way down the page.

export function titlePageXml(o: { title: string; process: string; date: string; status: string }, ctx: RenderContext): string {
  const r = ctx.redactor.redact;
  return (
    simpleParagraph(r(o.title) || ' ', { style: S.title, pPrExtra: '<w:spacing w:before="3600"/>' }) +
    (o.process ? simpleParagraph(r(o.process), { style: S.subtitle }) : '') +
    (o.date ? simpleParagraph(r(o.date), { style: S.titleMeta }) : '') +
    (o.status ? simpleParagraph(r(o.status), { style: S.titleMeta, runProps: '<w:rPr><w:b/><w:bCs/></w:rPr>' }) : '')
  );
}
