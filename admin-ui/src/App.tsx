import { App as AntApp, Button, Result, Spin } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useSession } from './auth/session';
import { awardsRoutes } from './awards/routes';
import { congressRepRoutes, congressRoutes } from './congress/routes';
import { dashboardRoutes } from './dashboard/routes';
import { useI18n } from './i18n/I18n';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { proposalsRepRoutes, proposalsRoutes } from './proposals/routes';
import { RepLayout } from './rep/RepLayout';
import { Layout } from './shell/Layout';
import { lazyPage } from './shell/lazyPage';

const OrganisationsPage = lazyPage(() => import('./directory/OrganisationsPage'), 'OrganisationsPage');
const WorkersPage = lazyPage(() => import('./directory/WorkersPage'), 'WorkersPage');
const RepresentativesPage = lazyPage(() => import('./directory/RepresentativesPage'), 'RepresentativesPage');
const UsersPage = lazyPage(() => import('./access/UsersPage'), 'UsersPage');
const ApiClientsPage = lazyPage(() => import('./access/ApiClientsPage'), 'ApiClientsPage');
const AuditLogPage = lazyPage(() => import('./access/AuditLogPage'), 'AuditLogPage');
const ImportsPage = lazyPage(() => import('./integration/ImportsPage'), 'ImportsPage');
const WebhooksPage = lazyPage(() => import('./integration/WebhooksPage'), 'WebhooksPage');

export function App() {
  const { me, loading } = useSession();
  const { t } = useI18n();
  if (loading) {
    return <Spin size="large" style={{ display: 'block', marginTop: '40vh' }} />;
  }
  if (!me) {
    return <LoginPage />;
  }
  const notFound = <Result status="404" title="404" subTitle={t('error.notFound')} extra={<Button href="/">{t('shell.home')}</Button>} />;
  return (
    <AntApp>
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="directory/organisations" element={<OrganisationsPage />} />
          <Route path="directory/workers" element={<WorkersPage />} />
          <Route path="directory/representatives" element={<RepresentativesPage />} />
          <Route path="access/users" element={<UsersPage />} />
          <Route path="access/clients" element={<ApiClientsPage />} />
          <Route path="access/audit" element={<AuditLogPage />} />
          <Route path="integration/imports" element={<ImportsPage />} />
          <Route path="integration/webhooks" element={<WebhooksPage />} />
          {congressRoutes}
          {proposalsRoutes}
          {awardsRoutes}
          {dashboardRoutes}
          <Route path="*" element={notFound} />
        </Route>
        <Route path="rep" element={<RepLayout />}>
          {congressRepRoutes}
          {proposalsRepRoutes}
          <Route path="*" element={notFound} />
        </Route>
      </Routes>
    </BrowserRouter>
    </AntApp>
  );
}
