import { Suspense } from 'react';
import { Button, ConfigProvider, Dropdown, Layout, Spin, Typography, type ThemeConfig } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ForbiddenBoundary } from '../components/Forbidden';
import { useI18n } from '../i18n/I18n';
import type { RepTab } from './area';
import { menuPlace } from './menu';
import { useDocumentTitle } from './pageTitle';
import { ScreenFit } from './ScreenFit';

/**
 * A fingertip's size (44 px) for every control of the phone view, small buttons too (a large one is taller still); the
 * title bar keeps the height it would have had (Ant Design derives it from the controls' height).
 */
const fingerSized: ThemeConfig = { token: { controlHeight: 44 }, components: { Button: { controlHeightSM: 44 }, Layout: { headerHeight: 64 } } };

/**
 * The representatives' view, laid out for a phone: a title bar, the page, and a tab bar at the bottom of the areas' tabs
 * the user may use; every button, field and tab at least 44 px high, the size of a fingertip.
 */
export function RepLayout({ tabs }: { tabs: readonly RepTab[] }) {
  const { me, logout } = useSession();
  const permissions = me?.permissions ?? [];
  const shown = tabs.filter((tab) => tab.anyOf.some((p) => permissions.includes(p)));
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const tab = menuPlace(shown.map((s) => ({ path: s.path === '' ? '/rep' : `/rep/${s.path}`, label: s.label })), location.pathname);
  useDocumentTitle(tab.label && t(tab.label), t('repView.title'));
  return (
    <ConfigProvider theme={fingerSized}>
    <Layout style={{ minHeight: '100vh', maxWidth: 640, margin: '0 auto' }}>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Text strong style={{ fontSize: 17 }}>{t('repView.title')}</Typography.Text>
        <span>
          <Button type="text" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{t('shell.language')}</Button>
          <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: logout }] }}>
            <Button type="text" icon={<UserOutlined />} aria-label={me?.name}>
              <Typography.Text ellipsis style={{ maxWidth: '28vw' }}>{me?.name}</Typography.Text>
            </Button>
          </Dropdown>
        </span>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, paddingBottom: 72 }}>
        <ScreenFit>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
            <ForbiddenBoundary page={location.pathname}><Outlet /></ForbiddenBoundary>
          </Suspense>
        </ScreenFit>
      </Layout.Content>
      <nav aria-label={t('repView.title')} style={{
        position: 'fixed', bottom: 0, left: 0, right: 0, height: 56, background: '#fff', borderTop: '1px solid #f0f0f0',
        display: 'flex', justifyContent: 'space-around', alignItems: 'center', zIndex: 10,
      }}>
        {shown.map(({ path, label, icon: Icon }) => (
          <NavLink key={path} to={path === '' ? '/rep' : `/rep/${path}`} end={path === ''}
            style={({ isActive }) => ({
              color: isActive ? '#0958d9' : '#595959', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
              alignSelf: 'stretch', fontSize: 12, gap: 2, minWidth: 64,
            })}>
            <span style={{ fontSize: 20 }}><Icon /></span>{t(label)}
          </NavLink>
        ))}
      </nav>
    </Layout>
    </ConfigProvider>
  );
}
