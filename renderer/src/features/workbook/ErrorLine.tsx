/** A refusal from the main process, in its words, under the thing it concerns. */
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';

export function ErrorLine({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null;
  // Everything that reaches here is an Error (api.call throws ApiError, fetch a TypeError).
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  return (
    <div className="wb-error" role="alert">
      <span className="error">{message}</span>
      {children}
    </div>
  );
}

export const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : null);
export const fieldOf = (error: unknown) => (error instanceof ApiError ? error.field : undefined);
