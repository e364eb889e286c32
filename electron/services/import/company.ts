/**
 * Person or company, when the file does not say: a Russian tax id tells (10 digits: an
 * organisation; 12: a person, a sole trader included), else a legal form in the name (ООО, ИП,
 * АО, ЗАО, ПАО, НКО, ОАО, as a word) or a name in «quotes» marks a company.
 */
import type { ClientKind } from '../../api/contract';

const LEGAL_FORM = /(?:^|[^\p{L}\p{N}])(?:ООО|ИП|АО|ЗАО|ПАО|ОАО|НКО)(?=$|[^\p{L}\p{N}])/iu;
/** A cheap first look (most names have none of these letters in a row), before the exact test. */
const MAYBE_LEGAL_FORM = /ООО|ИП|АО|НКО/i;
const QUOTED = /«[^»]+»/;

export function kindOf(
  name: string | null | undefined,
  taxId: string | null | undefined,
): ClientKind {
  const digits = taxId?.replace(/\D/g, '') ?? '';
  if (digits.length === 10) return 'company';
  if (digits.length === 12) return 'person';
  const n = name ?? '';
  const legal = MAYBE_LEGAL_FORM.test(n) && LEGAL_FORM.test(n);
  return legal || QUOTED.test(n) ? 'company' : 'person';
}
