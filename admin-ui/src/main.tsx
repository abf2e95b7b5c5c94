import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ProblemError } from './api/client';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/I18n';
import { App } from './App';
import { messages } from './messages';
import { theme } from './shell/theme';
import { tableDefaults } from './shell/tableDefaults';
import './shell/screens.css';

/** A read is tried again once when the network or the server failed; a refusal (4xx) would only be refused again. */
const retryOnce = (failures: number, error: Error) => failures < 1 && !(error instanceof ProblemError && error.status < 500);


const queries = new QueryClient({ defaultOptions: { queries: { retry: retryOnce, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider theme={theme(window.matchMedia('(prefers-reduced-motion: reduce)').matches)} table={tableDefaults}>
    <I18nProvider messages={messages}>
      <QueryClientProvider client={queries}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
    </ConfigProvider>
  </StrictMode>,
);
