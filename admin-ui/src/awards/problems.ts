import { ProblemError } from '../api/client';
import type { MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The award problems the API names by code that the screens say in words of their own. */
const worded = new Set([
  'conflict_of_interest', 'not_a_reviewer', 'nominations_closed', 'already_nominated', 'proposal_not_closed',
  'campaign_nominating', 'campaign_reviewing', 'campaign_decided', 'not_a_region',
]);

/**
 * The error as the user should read it: an award problem the API refused with a known code, worded in the user's
 * language (with `values` for its placeholders); anything else as it came.
 */
export function inWords(error: unknown, t: Translate, values: Record<string, string | number> = {}): unknown {
  if (!(error instanceof ProblemError) || !error.problem.code || !worded.has(error.problem.code)) {
    return error;
  }
  const detail = t(`awards.problem.${error.problem.code}` as MessageKey, values);
  return new ProblemError(error.status, { ...error.problem, title: detail, detail, errors: null });
}
