"""Reads the tracked changes of a .docx with python-docx (an independent reader) and prints JSON.

Each w:ins / w:del of the main document, in order: kind, id, author, date, and its text (w:t for insertions,
w:delText for deletions), plus the paragraph text as Word shows it with all changes accepted and with all
rejected. Run with /usr/bin/python3 (has docx).
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def text_of(el, tag):
    return ''.join((n.text or '') for n in el.iter(qn(tag)))


def main(path):
    d = docx.Document(path)
    body = d.element.body
    changes = []
    for el in body.iter(qn('w:ins'), qn('w:del')):
        parent = el.getparent()
        if parent is not None and parent.tag == qn('w:rPr'):
            kind = 'paragraph-' + ('ins' if el.tag == qn('w:ins') else 'del')
            text = ''
        else:
            kind = 'ins' if el.tag == qn('w:ins') else 'del'
            text = text_of(el, 'w:t' if kind == 'ins' else 'w:delText')
        changes.append({'kind': kind, 'id': el.get(qn('w:id')), 'author': el.get(qn('w:author')),
                        'date': el.get(qn('w:date')), 'text': text})
    accepted = []
    rejected = []
    for p in d.paragraphs:
        acc = []
        rej = []
        for node in p._p.iter(qn('w:t'), qn('w:delText')):
            anc = node.getparent()
            in_ins = False
            while anc is not None and anc is not p._p:
                if anc.tag == qn('w:ins'):
                    in_ins = True
                anc = anc.getparent()
            if node.tag == qn('w:t'):
                acc.append(node.text or '')
                if not in_ins:
                    rej.append(node.text or '')
            else:
                rej.append(node.text or '')
        accepted.append(''.join(acc))
        rejected.append(''.join(rej))
    print(json.dumps({'changes': changes, 'accepted': accepted, 'rejected': rejected}))


if __name__ == '__main__':
    main(sys.argv[1])
