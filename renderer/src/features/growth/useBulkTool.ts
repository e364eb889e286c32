/** One plan tool's run: pending, the count it changed, refusals by input field. */
import { useCallback, useState } from 'react';
import type { PlanBulkResult } from '../../../../electron/api/contract';
import { ApiError } from '../../api/client';

export interface BulkTool {
  run: (call: () => Promise<PlanBulkResult>) => Promise<void>;
  pending: boolean;
  affected: number | null;
  /** The refusal for one input (`from`, `fieldKey`, …), or a local check's message. */
  errorFor: (path: string) => string | undefined;
  /** A refusal that names no input of the form. */
  general: string | null;
  setLocal: (errors: Record<string, string>) => void;
}

export function useBulkTool(fields: readonly string[]): BulkTool {
  const [pending, setPending] = useState(false);
  const [affected, setAffected] = useState<number | null>(null);
  const [local, setLocalErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const setLocal = useCallback((errors: Record<string, string>) => {
    setLocalErrors(errors);
    setApiError(null);
    setGeneral(null);
    setAffected(null);
  }, []);

  const run = useCallback(
    async (call: () => Promise<PlanBulkResult>) => {
      setPending(true);
      setAffected(null);
      setApiError(null);
      setGeneral(null);
      setLocalErrors({});
      try {
        const result = await call();
        setAffected(result.affected);
      } catch (e) {
        if (e instanceof ApiError) {
          setApiError(e);
          if (!fields.some((f) => e.messageFor(f))) setGeneral(e.message);
        } else {
          setGeneral(e instanceof Error ? e.message : String(e));
        }
      } finally {
        setPending(false);
      }
    },
    [fields],
  );

  const errorFor = (path: string) => local[path] ?? apiError?.messageFor(path);
  return { run, pending, affected, errorFor, general, setLocal };
}
