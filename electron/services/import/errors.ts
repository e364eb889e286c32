/** A file that cannot be imported: the message says why, next to the file picker. */
import { AppError } from '../../api/errors';
import type { MessageKey } from '../../api/messages';

export class ImportFileError extends AppError {
  constructor(key: MessageKey, params: Record<string, string | number> = {}) {
    super('invalid_input', key, params, 'path');
    this.name = 'ImportFileError';
  }
}
