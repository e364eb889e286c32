/** Where an API error belongs on a form: under one input, or under the form as a whole. */
import { ApiError } from '../../api/client';

/** The message for one input (`key`), including nested ones (`options.2`). */
export function messageAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.messageFor(path) ?? error.issues.find((i) => i.path.startsWith(`${path}.`))?.message;
}

/** The message when the error concerns none of the form's inputs. */
export function messageElsewhere(error: unknown, paths: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (paths.some((p) => messageAt(error, p) !== undefined)) return undefined;
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
