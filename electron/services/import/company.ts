/**
 * Person or company, when the file does not say: a Russian tax id tells (10 digits: an
 * organisation; 12: a person, a sole trader included), else a legal form in the name (ООО, ИП,
 * АО, ЗАО, ПАО, НКО, ОАО, as a word) or a name in «quotes» marks a company.
 */
import type { ClientKind } from '../../api/contract';

const LEGAL_FORM = /(?:^|[^\p{L}\p{N}])(?:ООО|ИП|АО|ЗАО|ПАО|ОАО|НКО)(?=$|[^\p{L}\p{N}])/iu;
const QUOTED = /«[^»]+»/;

export function kindOf(
  name: string | null | undefined,
  taxId: string | null | undefined,
): ClientKind {
  const digits = taxId?.replace(/\D/g, '') ?? '';
  if (digits.length === 10) return 'company';
  if (digits.length === 12) return 'person';
  const n = name ?? '';
  return LEGAL_FORM.test(n) || QUOTED.test(n) ? 'company' : 'person';
}
