// The one way the model reports something for the user to read. An issue is an i18n id ('consultation.error.closed')
// with plain English for when no catalog has it and values for its placeholders. Validators return issues;
// actions throw a ModelError carrying one or more of them. The UI turns both into text in one place (ui/errors.ts).

export type IssueValues = Record<string, string | number>;

export interface ModelIssue {
  id: string;
  fallback: string;
  values: IssueValues;
}

export const issue = (id: string, fallback: string, values: IssueValues = {}): ModelIssue => ({ id, fallback, values });

export class ModelError extends Error {
  readonly issues: readonly [ModelIssue, ...ModelIssue[]];

  /** One issue (`id`, English `fallback`, placeholder values), or several at once (e.g. every invalid field of a form). */
  constructor(id: string, fallback: string, details?: IssueValues);
  constructor(issues: readonly [ModelIssue, ...ModelIssue[]]);
  constructor(idOrIssues: string | readonly ModelIssue[], fallback = '', details: IssueValues = {}) {
    const issues = (typeof idOrIssues === 'string' ? [issue(idOrIssues, fallback, details)] : [...idOrIssues]) as [ModelIssue, ...ModelIssue[]];
    super(issues.map((i) => i.id).join(' '));
    this.name = 'ModelError';
    this.issues = issues;
  }

  /** The first issue's i18n id. */
  get id(): string {
    return this.issues[0].id;
  }

  get fallback(): string {
    return this.issues[0].fallback;
  }

  get details(): IssueValues {
    return this.issues[0].values;
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;
