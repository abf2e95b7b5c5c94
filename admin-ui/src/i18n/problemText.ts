import { ProblemError } from '../api/client';
import { useI18n } from './I18n';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * The error as the user should read it: a problem whose code the app has words for (`problem.<code>`, filled with
 * the problem's own fields and `values`) comes back worded, with no field errors; anything else as it came.
 */
export function inWords(error: unknown, t: Translate, values: Record<string, string | number> = {}): unknown {
  if (!(error instanceof ProblemError) || error.worded) {
    return error;
  }
  // The problem's own figures (extensions such as `required`) fill the words' placeholders too.
  const key = `problem.${error.problem.code}` as MessageKey;
  const detail = t(key, { ...(error.problem as Record<string, string | number>), ...values });
  if (detail === key) {
    return error; // the app has no words for this code (t gives back the name it has no string for)
  }
  return new ProblemError(error.status, { ...error.problem, title: detail, detail, errors: null }, true);
}

/**
 * What to tell the user about a failed call: the app's own words for a problem code it knows, otherwise the API's
 * detail, and for no answer at all that the server cannot be reached.
 */
export function useProblemText() {
  const { t } = useI18n();
  return (error: unknown) => {
    const worded = inWords(error, t);
    return worded instanceof ProblemError ? worded.message : t('error.network');
  };
}
