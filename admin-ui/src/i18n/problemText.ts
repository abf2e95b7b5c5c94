import { ProblemError } from '../api/client';
import { useI18n } from './I18n';
import { hasMessage } from './messages';

/**
 * What to tell the user about a failed call: the app's own words for a problem code it knows (`problem.<code>`),
 * otherwise the API's detail, and for no answer at all that the server cannot be reached.
 */
export function useProblemText() {
  const { t } = useI18n();
  return (error: unknown) => {
    if (!(error instanceof ProblemError)) {
      return t('error.network');
    }
    const key = `problem.${error.problem.code}`;
    return hasMessage(key) ? t(key) : error.message;
  };
}
