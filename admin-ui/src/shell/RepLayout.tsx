import { Suspense } from 'react';
import { Button, Dropdown, Layout, Spin, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ForbiddenBoundary } from '../components/Forbidden';
import { useI18n } from '../i18n/I18n';
import type { RepTab } from './area';

/** The representatives' view, laid out for a phone: a title bar, the page, and a tab bar at the bottom of the areas' tabs the user may use. */
export function RepLayout({ tabs }: { tabs: readonly RepTab[] }) {
  const { me, logout } = useSession();
  const permissions = me?.permissions ?? [];
  const shown = tabs.filter((tab) => tab.anyOf.some((p) => permissions.includes(p)));
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh', maxWidth: 640, margin: '0 auto' }}>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Text strong style={{ fontSize: 17 }}>{t('repView.title')}</Typography.Text>
        <span>
          <Button type="text" size="small" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{t('shell.language')}</Button>
          <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: logout }] }}>
            <Button type="text" size="small" icon={<UserOutlined />}>{me?.name}</Button>
          </Dropdown>
        </span>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, paddingBottom: 72 }}>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
          <ForbiddenBoundary page={location.pathname}><Outlet /></ForbiddenBoundary>
        </Suspense>
      </Layout.Content>
      <nav aria-label={t('repView.title')} style={{
        position: 'fixed', bottom: 0, left: 0, right: 0, height: 56, background: '#fff', borderTop: '1px solid #f0f0f0',
        display: 'flex', justifyContent: 'space-around', alignItems: 'center', zIndex: 10,
      }}>
        {shown.map(({ path, label, icon: Icon }) => (
          <NavLink key={path} to={path === '' ? '/rep' : `/rep/${path}`} end={path === ''}
            style={({ isActive }) => ({ color: isActive ? '#1677ff' : '#595959', display: 'flex', flexDirection: 'column', alignItems: 'center', fontSize: 12, gap: 2, minWidth: 64 })}>
            <span style={{ fontSize: 20 }}><Icon /></span>{t(label)}
          </NavLink>
        ))}
      </nav>
    </Layout>
  );
}
