// The one place model issues and errors become text in the user's language (model/modelError.ts).
import { formatDate, t } from '../i18n';
import { isModelError, type ModelIssue } from '../model/modelError';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An issue's catalog text, its values formatted (dates, phase names); its English fallback when the catalog lacks the id. */
export function issueText(issue: ModelIssue): string {
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.values)) {
    if (typeof v === 'string' && ISO_DATE.test(v)) vars[k] = formatDate(v);
    else if ((k === 'phase' || k === 'from' || k === 'to') && typeof v === 'string') vars[k] = t(`phase.${v}`).toLowerCase();
    else vars[k] = v;
  }
  const text = t(issue.id, vars);
  return text === issue.id ? issue.fallback : text;
}

/** The text of a thrown error: a model error's issues, else the error's message (an i18n id or not). */
export function modelMessage(e: unknown): string {
  if (isModelError(e)) return e.issues.map(issueText).join(' ');
  if (e instanceof Error) {
    const text = t(e.message);
    return text === e.message ? t('comments.error.unexpected', { message: e.message }) : text;
  }
  return String(e);
}
