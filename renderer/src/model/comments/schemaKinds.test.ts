import { describe, expect, it } from 'vitest';
import { rapporteurSchema } from '../../schema/schema';
import { LEAF_NODES, TEXTBLOCK_NODES } from './schemaKinds';

describe('schemaKinds', () => {
  const nodes = Object.values(rapporteurSchema().nodes);

  it('lists exactly the inline atoms of the editor schema', () => {
    expect([...LEAF_NODES].sort()).toEqual(nodes.filter((n) => n.isLeaf && !n.isText).map((n) => n.name).sort());
  });

  it('lists exactly the text blocks of the editor schema', () => {
    expect([...TEXTBLOCK_NODES].sort()).toEqual(nodes.filter((n) => n.isTextblock).map((n) => n.name).sort());
  });
});
