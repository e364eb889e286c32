/** Managers (who is responsible for a client), lost reasons and saved list views. */
import { z } from 'zod';
import { email, id, requiredText } from './validators';
import { listQueryShape, type ListQuery } from './list';

/** A manager as the screens name one (a column, a filter, a choice on the card). */
export interface ManagerName {
  id: string;
  name: string;
  email: string | null;
  active: boolean;
}

export interface Manager extends ManagerName {
  /** Clients (not in the trash) this manager is responsible for. */
  clientCount: number;
}

export const managerAddInput = z.object({ name: requiredText(100), email }).strict();
export const managerUpdateInput = z
  .object({ id, name: requiredText(100).optional(), email, active: z.boolean().optional() })
  .strict();
export const managerReassignInput = z.object({ fromId: id, toId: id }).strict();

export interface LostReason {
  id: string;
  label: string;
  active: boolean;
  position: number;
}
export const lostReasonAddInput = z.object({ label: requiredText(200) }).strict();
export const lostReasonUpdateInput = z
  .object({ id, label: requiredText(200).optional(), active: z.boolean().optional() })
  .strict();

export interface ViewDefinition extends ListQuery {
  /** Visible columns in order: standard keys, `custom.<key>`, related fields. */
  columns?: string[];
}
export interface SavedView {
  id: string;
  name: string;
  definition: ViewDefinition;
  updatedAt: string;
}
export const viewSaveInput = z
  .object({
    id: id.optional(),
    name: requiredText(100),
    definition: z
      .object({ ...listQueryShape, columns: z.array(z.string().max(80)).max(100).optional() })
      .strict(),
  })
  .strict();
export const viewIdInput = z.object({ id }).strict();
