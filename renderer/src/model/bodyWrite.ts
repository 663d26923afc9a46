import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { docBody, type PMNode } from './bodyJson';

// Writing ProseMirror JSON into Yjs XML fragments (a document's body, a rapporteur's response), validated against
// the one editor schema first. Apart from model/bodyJson.ts because it loads the editor schema (Tiptap and
// ProseMirror): the screens that write content load it; the start, which only reads, does not.

/** Yjs items for the content of `json` (a `doc` node), ready to insert; throws if it does not fit the schema. */
function yItemsOf(json: PMNode): Array<Y.XmlElement | Y.XmlText> {
  const schema = rapporteurSchema();
  schema.nodeFromJSON(json).check();
  const scratch = new Y.Doc();
  const built = prosemirrorJSONToYXmlFragment(schema, json, scratch.getXmlFragment('scratch'));
  return built.toArray().map((item) => (item as Y.XmlElement | Y.XmlText).clone());
}

/** Appends the content of `json` (a `doc` node) to the body. */
export function appendJSONToBody(doc: Y.Doc, json: PMNode): void {
  const items = yItemsOf(json);
  const target = docBody(doc);
  doc.transact(() => target.insert(target.length, items));
}

/** Replaces the whole content of `fragment` with `json` (a `doc` node). */
export function replaceFragment(fragment: Y.XmlFragment, json: PMNode): void {
  const items = yItemsOf(json);
  const apply = () => {
    if (fragment.length) fragment.delete(0, fragment.length);
    fragment.insert(0, items);
  };
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}
