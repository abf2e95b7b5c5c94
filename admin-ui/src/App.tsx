import { App as AntApp, Button, Result, Spin } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { areas } from './areas';
import { useSession } from './auth/session';
import { useI18n } from './i18n/I18n';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import type { AreaRoute } from './shell/area';
import { Layout } from './shell/Layout';
import { appMenu } from './shell/menu';
import { RepLayout } from './shell/RepLayout';

const menu = appMenu(areas);
const repTabs = areas.flatMap((area) => area.repTabs ?? []);
const home = areas.flatMap((area) => area.home ?? []);

/** The areas' screens as routes: '' is the layout's index. */
const routesOf = (routes: readonly AreaRoute[]) => routes.map(({ path, page: Page }) => (path === ''
  ? <Route key="" index element={<Page />} />
  : <Route key={path} path={path} element={<Page />} />));

export function App() {
  const { me, loading } = useSession();
  const { t } = useI18n();
  if (loading) {
    return <Spin size="large" style={{ display: 'block', marginTop: '40vh' }} />;
  }
  if (!me) {
    return <LoginPage />;
  }
  if (me.mustChangePassword) {
    return <ChangePasswordPage />;
  }
  const notFound = <Result status="404" title="404" subTitle={t('error.notFound')} extra={<Button href="/">{t('shell.home')}</Button>} />;
  return (
    <AntApp>
    <BrowserRouter>
      <Routes>
        <Route element={<Layout menu={menu} />}>
          <Route index element={<HomePage entries={home} repTabs={repTabs} />} />
          {routesOf(areas.flatMap((area) => area.routes))}
          <Route path="*" element={notFound} />
        </Route>
        <Route path="rep" element={<RepLayout tabs={repTabs} />}>
          {routesOf(areas.flatMap((area) => area.repRoutes ?? []))}
          <Route path="*" element={notFound} />
        </Route>
      </Routes>
    </BrowserRouter>
    </AntApp>
  );
}
