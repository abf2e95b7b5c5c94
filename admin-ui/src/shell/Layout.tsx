import { Suspense } from 'react';
import { Button, Dropdown, Layout as AntLayout, Menu, Select, Space, Spin, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ForbiddenBoundary } from '../components/Forbidden';
import { useI18n } from '../i18n/I18n';
import { isGroup, visibleMenu, type MenuItem } from './menu';

/**
 * The frame of every screen: of the app's menu (appMenu) what the user's permissions allow, the organisation switcher,
 * language and user menu.
 */
export function Layout({ menu: appMenu }: { menu: readonly MenuItem[] }) {
  const { me, logout, switchOrganisation } = useSession();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = visibleMenu(appMenu, me?.permissions ?? []).map((item) => isGroup(item)
    ? { key: item.label, label: t(item.label), children: item.entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{t(e.label)}</Link> })) }
    : { key: item.path, label: <Link to={item.path}>{t(item.label)}</Link> });
  const grants = me?.grants ?? [];
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={220}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>{t('app.title')}</Typography.Title>
        <Menu mode="inline" selectedKeys={[location.pathname]} items={menu} aria-label={t('app.title')} />
      </AntLayout.Sider>
      <AntLayout>
        <AntLayout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, paddingInline: 24 }}>
          {grants.length > 1 && (
            <Space>
              <label htmlFor="organisation-switcher">{t('shell.actingFor')}</label>
              <Select
                id="organisation-switcher"
                style={{ minWidth: 240 }}
                value={me?.actingFor?.id}
                onChange={async (organisationId: string) => { await switchOrganisation(organisationId); navigate('/'); }}
                options={grants.map((g) => ({ value: g.organisation?.id, label: `${g.organisation?.name}（${t(`role.${g.role}` as never)}）` }))}
              />
            </Space>
          )}
          <Button type="text" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{t('shell.language')}</Button>
          <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: logout }] }}>
            <Button type="text" icon={<UserOutlined />}>{me?.name}</Button>
          </Dropdown>
        </AntLayout.Header>
        <AntLayout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
            <ForbiddenBoundary page={location.pathname}><Outlet /></ForbiddenBoundary>
          </Suspense>
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}
