/** Expected failures: returned to the caller as data and shown next to what caused them. */
import type { ApiErrorBody } from './contract';
import type { MessageKey } from './messages';

export class AppError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorBody['code'], 'internal'>,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** The input field the error concerns. */
    readonly field?: string,
  ) {
    super(key);
    this.name = 'AppError';
  }
}
