"""Reads a .docx back with python-docx (and lxml for the parts python-docx does not model) and prints JSON.

Used by the export tests as an independent reader: if python-docx and a strict XML parser accept the file and
see the structure we meant to write, Word-compatible readers will too. Run with /usr/bin/python3 (has docx).
"""
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'
NS = {'w': W, 'w15': W15}


def text_of(el):
    out = []
    for node in el.iter():
        if node.tag == qn('w:t'):
            out.append(node.text or '')
        elif node.tag in (qn('w:tab'),):
            out.append('\t')
        elif node.tag == qn('w:br'):
            out.append('\n')
    return ''.join(out)


def main(path):
    d = docx.Document(path)
    z = zipfile.ZipFile(path)
    names = z.namelist()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    xml_ok = True
    bad = []
    for n in names:
        if n.endswith('.xml') or n.endswith('.rels'):
            try:
                etree.fromstring(z.read(n), parser)
            except Exception as e:  # noqa: BLE001 - report any parse failure
                xml_ok = False
                bad.append('%s: %s' % (n, e))

    normal = d.styles['Normal']
    styles = {
        'normal': {'font': normal.font.name, 'size': normal.font.size.pt if normal.font.size else None},
        'headings': [],
    }
    for s in d.styles:
        if s.style_id in ('Heading1', 'Heading2', 'Heading3'):
            styles['headings'].append({'id': s.style_id, 'name': s.name, 'font': s.font.name,
                                       'size': s.font.size.pt if s.font.size else None})
    defaults = d.styles.element.find(qn('w:docDefaults'))
    rfonts = defaults.find('.//' + qn('w:rFonts')) if defaults is not None else None
    sz = defaults.find('.//' + qn('w:sz')) if defaults is not None else None
    styles['defaults'] = {
        'font': rfonts.get(qn('w:ascii')) if rfonts is not None else None,
        'halfPoints': int(sz.get(qn('w:val'))) if sz is not None else None,
    }

    paragraphs = []
    for p in d.paragraphs:
        num = p._p.find('.//' + qn('w:numPr'))
        entry = {'style': p.style.name if p.style is not None else None, 'text': p.text}
        if num is not None:
            entry['numId'] = num.find(qn('w:numId')).get(qn('w:val'))
            entry['ilvl'] = int(num.find(qn('w:ilvl')).get(qn('w:val')))
        paragraphs.append(entry)

    tables = []
    for t in d.tables:
        # Cells read from the table XML (python-docx's row.cells is quadratic in the row count): a cell spanning
        # n grid columns is listed n times and a vertically merged cell repeats the text of its first row, as
        # python-docx's own cell model does.
        rows = []
        above = {}
        for tr in t._tbl.tr_lst:
            row = []
            for tc in tr.tc_lst:
                span = tc.grid_span
                vmerge = tc.tcPr.find(qn('w:vMerge')) if tc.tcPr is not None else None
                col = len(row)
                if vmerge is not None and vmerge.get(qn('w:val')) in (None, 'continue'):
                    text = above.get(col, '')
                else:
                    text = '\n'.join(text_of(p) for p in tc.findall(qn('w:p')))
                above[col] = text
                row.extend([text] * span)
            rows.append(row)
        header_rows = len(t._tbl.xpath('./w:tr[w:trPr/w:tblHeader]'))
        widths = [int(g.get(qn('w:w'))) for g in t._tbl.xpath('./w:tblGrid/w:gridCol')]
        tables.append({'rows': rows, 'headerRows': header_rows, 'gridWidths': widths})

    body = d.element.body
    hyperlinks = []
    internal = []
    for h in body.iter(qn('w:hyperlink')):
        rid = h.get(qn('r:id'))
        if rid:
            rel = d.part.rels[rid]
            hyperlinks.append({'text': text_of(h), 'target': rel.target_ref, 'external': rel.is_external})
        elif h.get(qn('w:anchor')):
            internal.append({'text': text_of(h), 'anchor': h.get(qn('w:anchor'))})
    bookmarks = [b.get(qn('w:name')) for b in body.iter(qn('w:bookmarkStart'))]

    footnotes = []
    if 'word/footnotes.xml' in names:
        root = etree.fromstring(z.read('word/footnotes.xml'), parser)
        for f in root.findall('w:footnote', NS):
            if f.get(qn('w:type')) in ('separator', 'continuationSeparator'):
                continue
            footnotes.append({'id': int(f.get(qn('w:id'))), 'text': text_of(f).strip()})
    footnote_refs = [int(r.get(qn('w:id'))) for r in body.iter(qn('w:footnoteReference'))]

    comments = []
    if 'word/comments.xml' in names:
        root = etree.fromstring(z.read('word/comments.xml'), parser)
        for c in root.findall('w:comment', NS):
            paras = c.findall('w:p', NS)
            comments.append({
                'id': int(c.get(qn('w:id'))),
                'author': c.get(qn('w:author')),
                'initials': c.get(qn('w:initials')),
                'text': '\n'.join(text_of(p) for p in paras),
                'lastParaId': paras[-1].get('{http://schemas.microsoft.com/office/word/2010/wordml}paraId') if paras else None,
            })
    extended = []
    if 'word/commentsExtended.xml' in names:
        root = etree.fromstring(z.read('word/commentsExtended.xml'), parser)
        for e in root.findall('w15:commentEx', NS):
            extended.append({'paraId': e.get('{%s}paraId' % W15), 'parent': e.get('{%s}paraIdParent' % W15),
                             'done': e.get('{%s}done' % W15)})
    ranges = {
        'start': [int(x.get(qn('w:id'))) for x in body.iter(qn('w:commentRangeStart'))],
        'end': [int(x.get(qn('w:id'))) for x in body.iter(qn('w:commentRangeEnd'))],
        'ref': [int(x.get(qn('w:id'))) for x in body.iter(qn('w:commentReference'))],
    }

    sections = []
    for s in d.sections:
        sections.append({
            'orientation': 'landscape' if s.orientation == 1 else 'portrait',
            'width': s.page_width.twips if hasattr(s.page_width, 'twips') else int(s.page_width / 635),
            'height': s.page_height.twips if hasattr(s.page_height, 'twips') else int(s.page_height / 635),
            'header': ' '.join(p.text for p in s.header.paragraphs),
            'footerFields': [f.get(qn('w:instr')) for f in s.footer._element.iter(qn('w:fldSimple'))],
            'titlePg': s._sectPr.find(qn('w:titlePg')) is not None,
        })

    numbering = {'nums': [], 'abstracts': 0}
    if 'word/numbering.xml' in names:
        root = etree.fromstring(z.read('word/numbering.xml'), parser)
        numbering['abstracts'] = len(root.findall('w:abstractNum', NS))
        for n in root.findall('w:num', NS):
            start = n.find('.//w:startOverride', NS)
            numbering['nums'].append({'id': n.get(qn('w:numId')), 'start': int(start.get(qn('w:val'))) if start is not None else None})

    settings = z.read('word/settings.xml').decode('utf-8') if 'word/settings.xml' in names else ''
    print(json.dumps({
        'xmlOk': xml_ok, 'badParts': bad, 'parts': names, 'styles': styles, 'paragraphs': paragraphs,
        'tables': tables, 'hyperlinks': hyperlinks, 'internalLinks': internal, 'bookmarks': bookmarks,
        'footnotes': footnotes, 'footnoteRefs': footnote_refs, 'comments': comments, 'commentsExtended': extended,
        'commentRanges': ranges, 'sections': sections, 'numbering': numbering,
        'updateFields': 'updateFields' in settings,
    }))


if __name__ == '__main__':
    main(sys.argv[1])
