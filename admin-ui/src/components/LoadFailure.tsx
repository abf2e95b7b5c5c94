import { useContext } from 'react';
import { Alert, Button } from 'antd';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { ForbiddenPageShown, isForbidden } from './Forbidden';

type ListQuery = { error: Error | null; refetch: () => unknown; isFetching?: boolean };

/** A list's text for having nothing, unless it has nothing because it could not load (said above it by LoadFailure). */
export const emptyText = (query: ListQuery, text: string) => (query.error ? ' ' : text);

/**
 * What a list could not load, and a way to try again; nothing while it loads fine. When the API refuses the user the
 * page's data (403), the page gives way to the 403 page (ForbiddenBoundary); `part` of a page the user may otherwise
 * see says so in its place instead.
 */
export function LoadFailure({ query, part = false }: { query: ListQuery; part?: boolean }) {
  const { t } = useI18n();
  const pageGivesWay = useContext(ForbiddenPageShown) && !part;
  if (!query.error) {
    return null;
  }
  if (isForbidden(query.error)) {
    if (query.isFetching) {
      return null; // asked again (the page opened anew): the answer decides
    }
    if (pageGivesWay) {
      throw query.error;
    }
    const requestId = query.error.problem.requestId;
    return <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} message={query.error.message}
      description={requestId && `${t('forbidden.requestId')}${requestId}`} />;
  }
  const reason = query.error instanceof ProblemError ? query.error.message : t('error.network');
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={t('common.loadFailed', { reason })}
      action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />
  );
}
