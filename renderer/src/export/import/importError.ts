// What a DOCX import can fail with. The message is shown to the user as is; the code is for tests and telemetry.

export type ImportErrorCode = 'not-zip' | 'too-large' | 'bomb' | 'external' | 'entities' | 'truncated' | 'not-docx';

const MESSAGES: Record<ImportErrorCode, string> = {
  'not-zip': 'This file is not a Word document (.docx): it is not a zip package.',
  'too-large': 'This file is too large to import.',
  bomb: 'This file expands to far more data than a Word document should; it was not imported.',
  external: 'This document pulls content from outside the file (an external link to a part); it was not imported.',
  entities: 'This document uses XML entity declarations, which are not allowed; it was not imported.',
  truncated: 'This file is damaged or incomplete (it may not have finished downloading).',
  'not-docx': 'This file is not a Word document (.docx).',
};

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  /** `message` replaces the composed one (an error rebuilt from a worker's reply). */
  constructor(code: ImportErrorCode, detail?: string, message?: string) {
    super(message ?? (detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]));
    this.name = 'ImportError';
    this.code = code;
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;
