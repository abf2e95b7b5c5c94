import { Suspense, useState } from 'react';
import { Button, Drawer, Dropdown, Layout as AntLayout, Menu, Select, Space, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useNarrow, usePhone } from '../components/screen';
import { ForbiddenBoundary } from '../components/Forbidden';
import { useI18n } from '../i18n/I18n';
import { isGroup, menuPlace, visibleMenu, type MenuItem } from './menu';
import { useDocumentTitle } from './pageTitle';
import { ScreenFit } from './ScreenFit';

const headerHeight = 64;

/**
 * The frame of every screen: of the app's menu (appMenu) what the user's permissions allow, the organisation switcher,
 * language and user menu. Below Ant Design's lg breakpoint the menu (with the switcher) folds into a drawer that opens
 * from the header's menu button, under the header, and closes when an entry is chosen.
 */
export function Layout({ menu: appMenu }: { menu: readonly MenuItem[] }) {
  const { me, logout, switchOrganisation } = useSession();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const shown = visibleMenu(appMenu, me?.permissions ?? []);
  const place = menuPlace(shown, location.pathname);
  // Held here rather than in the menu, so that the groups stay as opened when the menu moves between side and drawer.
  const [openGroups, setOpenGroups] = useState<string[]>(() => (place.group ? [place.group] : []));
  const menu = shown.map((item) => isGroup(item)
    ? { key: item.label, label: t(item.label), children: item.entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{t(e.label)}</Link> })) }
    : { key: item.path, label: <Link to={item.path}>{t(item.label)}</Link> });
  const grants = me?.grants ?? [];
  useDocumentTitle(place.label && t(place.label), t('app.title'));
  const switcher = grants.length > 1 && (
    <Space style={narrow ? { padding: 16, width: '100%' } : undefined} direction={narrow ? 'vertical' : 'horizontal'}>
      <label htmlFor="organisation-switcher">{t('shell.actingFor')}</label>
      <Select
        id="organisation-switcher"
        style={narrow ? { width: '100%' } : { minWidth: 240 }}
        value={me?.actingFor?.id}
        onChange={async (organisationId: string) => { setMenuOpen(false); await switchOrganisation(organisationId); navigate('/'); }}
        options={grants.map((g) => ({ value: g.organisation?.id, label: `${g.organisation?.name}（${t(`role.${g.role}` as never)}）` }))}
      />
    </Space>
  );
  const navigation = (
    <Menu mode="inline" selectedKeys={place.entry ? [place.entry] : []} openKeys={openGroups} onOpenChange={setOpenGroups} items={menu}
      aria-label={t('app.title')} onClick={narrow ? () => setMenuOpen(false) : undefined} />
  );
  const userMenu = [
    ...(phone ? [{ key: 'name', label: me?.name, disabled: true }] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: logout },
  ];
  // One tree at every width, so that a page keeps its state when the window crosses the breakpoint.
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <AntLayout.Sider theme="light" width={220}>
          <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>{t('app.title')}</Typography.Title>
          {navigation}
        </AntLayout.Sider>
      )}
      {narrow && (
        <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} size={280} closable={false}
          rootStyle={{ top: headerHeight }} styles={{ body: { padding: 0 } }} aria-label={t('shell.menu')}>
          {switcher}
          {navigation}
        </Drawer>
      )}
      <AntLayout>
        <AntLayout.Header style={narrow ? {
          background: '#fff', display: 'flex', alignItems: 'center', gap: 8, paddingInline: 8, height: headerHeight,
          position: 'sticky', top: 0, zIndex: 10, borderBottom: '1px solid #f0f0f0',
        } : { background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, paddingInline: 24, height: headerHeight }}>
          {narrow && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.menu')} aria-expanded={menuOpen}
              onClick={() => setMenuOpen(!menuOpen)} style={{ width: 44, height: 44 }} />
          )}
          {narrow && <Typography.Text strong ellipsis style={{ flex: 1, fontSize: 16 }}>{t('app.title')}</Typography.Text>}
          {!narrow && switcher}
          <Button type="text" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{t('shell.language')}</Button>
          <Dropdown menu={{ items: userMenu }}>
            {/* On a phone the name is in the menu it opens, not beside the icon. */}
            <Button type="text" icon={<UserOutlined />} aria-label={phone ? me?.name : undefined}>{!phone && me?.name}</Button>
          </Dropdown>
        </AntLayout.Header>
        <AntLayout.Content style={{ margin: phone ? 12 : 24, minWidth: 0 }}>
          <ScreenFit>
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
              <ForbiddenBoundary page={location.pathname}><Outlet /></ForbiddenBoundary>
            </Suspense>
          </ScreenFit>
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}
