import { Component, createContext, type ReactNode } from 'react';
import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n/I18n';

/** Whether a failed call is the API's refusal to let the user see or do it (403). */
export const isForbidden = (error: unknown): error is ProblemError => error instanceof ProblemError && error.status === 403;

/** Whether a ForbiddenBoundary is there to show a refused page in place of it (LoadFailure throws to it only then). */
export const ForbiddenPageShown = createContext(false);

/** The page shown in place of one the user may not open: the API's reason in the user's language, and the request id to quote. */
export function ForbiddenPage({ refusal }: { refusal: ProblemError }) {
  const { t } = useI18n();
  const requestId = refusal.problem.requestId;
  return (
    <Result status="403" title={t('forbidden.title')}
      subTitle={<>{refusal.message && <div>{refusal.message}</div>}<div>{t('forbidden.ask')}</div></>}
      extra={(
        <>
          {requestId && (
            <Typography.Paragraph type="secondary" data-testid="forbidden-request-id">
              {t('forbidden.requestId')}<Typography.Text code copyable>{requestId}</Typography.Text>
            </Typography.Paragraph>
          )}
          <Link to="/"><Button type="primary">{t('shell.home')}</Button></Link>
        </>
      )} />
  );
}

/**
 * Shows ForbiddenPage in place of its page when the page learns it may not show its data (LoadFailure throws the
 * API's 403 here); anything else thrown goes on up. A new `page` (the path) lets the next page try.
 */
export class ForbiddenBoundary extends Component<{ page: string; children: ReactNode }, { page: string; error?: unknown }> {
  state: { page: string; error?: unknown } = { page: this.props.page };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { page: string }, state: { page: string }) {
    return props.page === state.page ? null : { page: props.page, error: undefined };
  }

  render() {
    const { error } = this.state;
    if (error === undefined) {
      return <ForbiddenPageShown.Provider value>{this.props.children}</ForbiddenPageShown.Provider>;
    }
    if (!isForbidden(error)) {
      throw error;
    }
    return <ForbiddenPage refusal={error} />;
  }
}
