import { useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import type { MessageKey } from '../i18n/messages';
import { grantable, grantablePlaces } from './logic';

type User = components['schemas']['User'];
type Role = components['schemas']['Role'];

/** User accounts and their scoped grants: who may do what, where. */
export function UsersPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const problemText = useProblemText();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<User>();
  const organisations = useQuery({
    queryKey: ['organisations', 'under', me?.actingFor?.id],
    queryFn: () => ok(api.GET('/api/v1/directory/organisations', { params: { query: { under: me?.actingFor?.id, status: 'active', limit: 200 } } })),
  });
  const users = useQuery({
    queryKey: ['users', q, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/access/users', { params: { query: { q, cursor: pages.cursor, limit: 20, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const places = organisations.data?.items ?? [];
  const placeName = (id: string) => places.find((o) => o.id === id)?.name ?? id;
  const placeOptions = (role: Role | undefined, creating: boolean) =>
    grantablePlaces(places, me?.actingFor?.id, role, creating).map((o) => ({ value: o.id, label: o.name }));
  const roleOptions = (creating: boolean) => (Object.keys(grantable) as Role[])
    .filter((r) => grantablePlaces(places, me?.actingFor?.id, r, creating).length > 0)
    .map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  const refresh = () => queries.invalidateQueries({ queryKey: ['users'] });
  const revoke = async (user: User, grantId: string) => {
    try {
      await ok(api.DELETE('/api/v1/access/users/{id}/grants/{grantId}', { params: { path: { id: user.id, grantId } } }));
      const updated = await ok(api.GET('/api/v1/access/users/{id}', { params: { path: { id: user.id } } }));
      setGranting(updated);
      await refresh();
    } catch (error) {
      message.error(problemText(error));
    }
  };
  return (
    <Card title={t('user.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('user.create')}</Button>}>
      <Input.Search allowClear placeholder={t('user.search')} aria-label={t('user.search')} style={{ width: 260, marginBottom: 16 }}
        onSearch={(value) => { setQ(value || undefined); pages.restart(); }} />
      <LoadFailure query={users} />
      <Table<User> rowKey="id" loading={users.isFetching} dataSource={users.data?.items ?? []} pagination={false} scroll={{ x: 800 }}
        locale={{ emptyText: emptyText(users, t('user.empty')) }}
        columns={[
          { title: t('user.loginName'), dataIndex: 'loginName' },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`user.status.${s}` as MessageKey)}</Tag> },
          {
            title: t('user.grants'), key: 'grants', render: (_: unknown, user: User) => (
              <Space wrap>{(user.grants ?? []).map((g) => <Tag key={g.id}>{t(`role.${g.role}` as MessageKey)} @ {placeName(g.organisationId)}</Tag>)}</Space>
            ),
          },
          { title: t('common.actions'), key: 'actions', render: (_: unknown, user: User) => <Button size="small" onClick={() => setGranting(user)}>{t('user.manageGrants')}</Button> },
        ]} />
      <KeysetPager pages={pages} nextCursor={users.data?.nextCursor} total={users.data?.total} totalLabel="user.total" />
      {creating && (
        <EditModal<{ loginName: string; displayName: string; password: string; role: Role; organisationId: string }>
          title={t('user.create')}
          fieldNames={['loginName', 'displayName', 'password', 'role', 'organisationId']}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => { await ok(api.POST('/api/v1/access/users', { body: values })); await refresh(); }}
        >
          {(form) => (
            <>
              <Form.Item label={t('user.loginName')} name="loginName" rules={[{ required: true, message: t('form.required') }]}><Input autoComplete="off" /></Form.Item>
              <Form.Item label={t('user.displayName')} name="displayName" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('user.password')} name="password" rules={[{ required: true, message: t('form.required') }]} extra={t('user.passwordHelp')}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item label={t('user.role')} name="role" rules={[{ required: true, message: t('form.required') }]}>
                <Select options={roleOptions(true)} onChange={() => form.setFieldValue('organisationId', undefined)} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
                {({ getFieldValue }) => (
                  <Form.Item label={t('user.where')} name="organisationId" rules={[{ required: true, message: t('form.required') }]}>
                    <Select showSearch optionFilterProp="label" options={placeOptions(getFieldValue('role'), true)} />
                  </Form.Item>
                )}
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
      <Drawer open={!!granting} width={480} title={t('user.grantsOf', { name: granting?.displayName ?? '' })} onClose={() => setGranting(undefined)} destroyOnHidden>
        {granting && (
          <>
            <List dataSource={granting.grants ?? []} locale={{ emptyText: t('user.noGrants') }}
              renderItem={(g) => (
                <List.Item actions={[<Button key="revoke" size="small" danger onClick={() => revoke(granting, g.id)}>{t('user.revokeGrant')}</Button>]}>
                  {t(`role.${g.role}` as MessageKey)} @ {placeName(g.organisationId)}
                </List.Item>
              )} />
            <Form<{ role: Role; organisationId: string }> layout="inline" style={{ marginTop: 16 }} onFinish={async (values) => {
              try {
                await ok(api.POST('/api/v1/access/users/{id}/grants', { params: { path: { id: granting.id } }, body: values }));
                setGranting(await ok(api.GET('/api/v1/access/users/{id}', { params: { path: { id: granting.id } } })));
                await refresh();
              } catch (error) {
                message.error(problemText(error));
              }
            }}>
              <Form.Item name="role" rules={[{ required: true, message: t('form.required') }]}>
                <Select placeholder={t('user.role')} aria-label={t('user.role')} style={{ width: 150 }} options={roleOptions(false)} />
              </Form.Item>
              <Form.Item name="organisationId" rules={[{ required: true, message: t('form.required') }]}>
                <Select placeholder={t('user.where')} aria-label={t('user.where')} style={{ width: 170 }} showSearch optionFilterProp="label" options={placeOptions(undefined, false)} />
              </Form.Item>
              <Button type="primary" htmlType="submit">{t('user.grant')}</Button>
            </Form>
          </>
        )}
      </Drawer>
    </Card>
  );
}
