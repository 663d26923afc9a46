// Errors the model throws for the user to read: the message is an i18n id ('consultation.error.closed'),
// `fallback` is plain English for when no catalog has it, and `details` carries values for placeholders.

export class ModelError extends Error {
  constructor(
    id: string,
    readonly fallback: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(id);
    this.name = 'ModelError';
  }

  /** The i18n id (same as `message`). */
  get id(): string {
    return this.message;
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;
