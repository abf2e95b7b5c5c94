import { Alert, Button } from 'antd';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n/I18n';

type ListQuery = { error: Error | null; refetch: () => unknown };

/** A list's text for having nothing, unless it has nothing because it could not load (said above it by LoadFailure). */
export const emptyText = (query: ListQuery, text: string) => (query.error ? ' ' : text);

/** What a list could not load, and a way to try again; nothing while it loads fine. */
export function LoadFailure({ query }: { query: ListQuery }) {
  const { t } = useI18n();
  if (!query.error) {
    return null;
  }
  const reason = query.error instanceof ProblemError ? query.error.message : t('error.network');
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={t('common.loadFailed', { reason })}
      action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />
  );
}
