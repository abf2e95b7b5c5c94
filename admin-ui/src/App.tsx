import { App as AntApp, Button, Result, Spin } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useSession } from './auth/session';
import { useI18n } from './i18n/I18n';
import { ApiClientsPage } from './access/ApiClientsPage';
import { AuditLogPage } from './access/AuditLogPage';
import { UsersPage } from './access/UsersPage';
import { OrganisationsPage } from './directory/OrganisationsPage';
import { ImportsPage } from './integration/ImportsPage';
import { WebhooksPage } from './integration/WebhooksPage';
import { RepresentativesPage } from './directory/RepresentativesPage';
import { WorkersPage } from './directory/WorkersPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './shell/Layout';

export function App() {
  const { me, loading } = useSession();
  const { t } = useI18n();
  if (loading) {
    return <Spin size="large" style={{ display: 'block', marginTop: '40vh' }} />;
  }
  if (!me) {
    return <LoginPage />;
  }
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
          <Route path="*" element={<Result status="404" title="404" subTitle={t('error.notFound')} extra={<Button href="/">{t('shell.home')}</Button>} />} />
        </Route>
      </Routes>
    </BrowserRouter>
    </AntApp>
  );
}
