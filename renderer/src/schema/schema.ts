import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { schemaExtensions } from './extensions';

let cached: Schema | null = null;

/** The ProseMirror schema of Rapporteur's rich text (built once from the one extension list). */
export function rapporteurSchema(): Schema {
  cached ??= getSchema(schemaExtensions());
  return cached;
}
