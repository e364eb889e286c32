/** A campaign's template checked against the workbook's fields before it is kept or filled. */
import { listFields } from '../../../db/queries/fields';
import type { Workbook } from '../../../db/workbook';
import {
  templateSyntaxProblem,
  unknownPlaceholders,
  type TemplateCustomField,
} from '../../../kernel/template';
import { AppError } from '../../api/errors';

export function templateFields(wb: Workbook): TemplateCustomField[] {
  // Retired fields too: a template written before a field was retired still reads.
  return listFields(wb, true).map((f) => ({ key: f.key, label: f.label, type: f.type }));
}

/** Refuses a template that cannot be filled: a stray brace, `{}`, a placeholder nothing answers. */
export function checkTemplate(wb: Workbook, template: string | null | undefined): void {
  if (!template) return;
  const syntax = templateSyntaxProblem(template);
  if (syntax) throw new AppError('invalid_input', syntax, {}, 'template');
  const unknown = unknownPlaceholders(template, templateFields(wb));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      'template_placeholder_unknown',
      { names: unknown.map((n) => `{${n}}`).join(', '), count: unknown.length },
      'template',
    );
  }
}
