// The model labels things through a translate function its caller passes (the UI's active locale, or the English
// catalog in the CLI and tests): the model itself never imports a language.

/** `vars` fill ICU arguments (plurals); without them the raw template comes back, for `fill`. */
export type Translate = (id: string, vars?: Record<string, string | number>) => string;

/** `t(id)` with `{name}` placeholders filled. */
export function fill(t: Translate, id: string, vars: Record<string, string | number>): string {
  return t(id).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
