// Labels that comment views and matrix files show. Callers with an active locale pass their own `t` (same ids);
// the default is the English catalog, so the model stays usable on its own (CLI, server, tests).
import { en } from '../../i18n/en';

export type Translate = (id: string) => string;

export const englishLabels: Translate = (id) => en[id] ?? id;

/** `t(id)` with `{name}` placeholders filled. */
export function fill(t: Translate, id: string, vars: Record<string, string | number>): string {
  return t(id).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
