import { useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { KeysetPager, useKeysetPages } from '../components/KeysetPager';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { SecretOnceModal } from '../components/SecretOnceModal';
import { useFormat } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import type { MessageKey } from '../i18n/messages';
import { grantable, grantablePlaces, workerLabel } from './logic';

type User = components['schemas']['User'];
type Role = components['schemas']['Role'];
type UserStatus = components['schemas']['UserStatus'];

/**
 * User accounts and their scoped grants: who may do what, where. An administrator also resets a password (shown
 * once; its user then chooses their own), disables and re-enables an account, and links it to its worker.
 */
export function UsersPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { message, modal } = AntApp.useApp();
  const queries = useQueryClient();
  const pages = useKeysetPages();
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<UserStatus>();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<User>();
  const [linking, setLinking] = useState<User>();
  const [workerSearch, setWorkerSearch] = useState('');
  const [issued, setIssued] = useState<{ name: string; password: string }>();
  const mayLinkWorkers = me?.permissions?.includes('directory.workers.read') ?? false;
  const organisations = useQuery({
    queryKey: ['organisations', 'under', me?.actingFor?.id],
    queryFn: () => ok(api.GET('/api/v1/directory/organisations', { params: { query: { under: me?.actingFor?.id, status: 'active', limit: 200 } } })),
  });
  const users = useQuery({
    queryKey: ['users', q, status, pages.cursor],
    queryFn: () => ok(api.GET('/api/v1/access/users', { params: { query: { q, status, cursor: pages.cursor, limit: 20, total: true } } })),
    placeholderData: (previous) => previous,
  });
  const workers = useQuery({
    queryKey: ['workers', 'pick', workerSearch],
    enabled: !!linking,
    queryFn: () => ok(api.GET('/api/v1/directory/workers', { params: { query: { q: workerSearch || undefined, status: ['active', 'onLeave'], limit: 20 } } })),
  });
  const places = organisations.data?.items ?? [];
  const placeName = (id: string) => places.find((o) => o.id === id)?.name ?? id;
  const placeOptions = (role: Role | undefined, creating: boolean) =>
    grantablePlaces(places, me?.actingFor?.id, role, creating).map((o) => ({ value: o.id, label: o.name }));
  const roleOptions = (creating: boolean) => (Object.keys(grantable) as Role[])
    .filter((r) => grantablePlaces(places, me?.actingFor?.id, r, creating).length > 0)
    .map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  const refresh = () => queries.invalidateQueries({ queryKey: ['users'] });
  /** Saves the account as read with `change` made: the API takes its whole state, at the version read. */
  const update = (user: User, change: { status?: UserStatus; workerId?: string | null }) =>
    ok(api.PUT('/api/v1/access/users/{id}', {
      params: { path: { id: user.id } }, headers: { 'If-Match': `"${user.version}"` },
      body: { displayName: user.displayName, status: user.status, workerId: user.workerId ?? null, ...change },
    }));
  const confirm = (title: string, content: string, run: () => Promise<unknown>, danger = true) => modal.confirm({
    title, content, okButtonProps: { danger },
    onOk: async () => {
      try {
        await run();
      } catch (error) {
        message.error(problemText(error));
      }
      await refresh();
    },
  });
  const resetPassword = (user: User) => confirm(t('user.resetPassword'), t('user.resetConfirm', { name: user.displayName }), async () => {
    const reset = await ok(api.POST('/api/v1/access/users/{id}/password', { params: { path: { id: user.id } } }));
    setIssued({ name: user.displayName, password: reset.password ?? '' });
  });
  const setStatusOf = (user: User, next: UserStatus) => (next === 'disabled'
    ? confirm(t('user.disable'), t('user.disableConfirm', { name: user.displayName }), () => update(user, { status: next }))
    : confirm(t('user.enable'), t('user.enableConfirm', { name: user.displayName }), () => update(user, { status: next }), false));
  const locked = (user: User) => !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
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
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('user.search')} aria-label={t('user.search')} style={{ width: 260 }}
          onSearch={(value) => { setQ(value || undefined); pages.restart(); }} />
        <Select<UserStatus> allowClear placeholder={t('user.allStatuses')} aria-label={t('user.status')} style={{ width: 140 }} value={status}
          options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`user.status.${s}` as MessageKey) }))}
          onChange={(value) => { setStatus(value); pages.restart(); }} />
      </Space>
      <LoadFailure query={users} />
      <Table<User> rowKey="id" loading={users.isFetching} dataSource={users.data?.items ?? []} pagination={false} scroll={{ x: 1200 }}
        locale={{ emptyText: emptyText(users, t('user.empty')) }}
        columns={[
          { title: t('user.loginName'), dataIndex: 'loginName', fixed: 'left' },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          {
            title: t('user.status'), key: 'status', render: (_: unknown, user: User) => (
              <Space size={4} wrap>
                <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`user.status.${user.status}` as MessageKey)}</Tag>
                {locked(user) && <Tag color="orange">{t('user.locked')}</Tag>}
                {user.mustChangePassword && <Tag color="gold">{t('user.mustChangePassword')}</Tag>}
              </Space>
            ),
          },
          { title: t('user.worker'), key: 'worker', render: (_: unknown, user: User) => (user.worker ? workerLabel(user.worker) : user.workerId ? t('user.workerLinked') : '—') },
          {
            title: t('user.grants'), key: 'grants', render: (_: unknown, user: User) => (
              <Space wrap>{(user.grants ?? []).map((g) => <Tag key={g.id}>{t(`role.${g.role}` as MessageKey)} @ {placeName(g.organisationId)}</Tag>)}</Space>
            ),
          },
          { title: t('user.lastLogin'), dataIndex: 'lastLoginAt', render: (at?: string | null) => format.dateTime(at) || '—' },
          {
            title: t('common.actions'), key: 'actions', fixed: 'right', width: 200, render: (_: unknown, user: User) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setGranting(user)}>{t('user.manageGrants')}</Button>
                {mayLinkWorkers && <Button size="small" onClick={() => { setWorkerSearch(''); setLinking(user); }}>{t('user.linkWorker')}</Button>}
                {user.id !== me?.id && <Button size="small" onClick={() => resetPassword(user)}>{t('user.resetPassword')}</Button>}
                {user.id !== me?.id && (user.status === 'active'
                  ? <Button size="small" danger onClick={() => setStatusOf(user, 'disabled')}>{t('user.disable')}</Button>
                  : <Button size="small" onClick={() => setStatusOf(user, 'active')}>{t('user.enable')}</Button>)}
              </Space>
            ),
          },
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
      {linking && (
        <EditModal<{ workerId?: string }>
          title={t('user.linkWorkerOf', { name: linking.displayName })}
          fieldNames={['workerId']}
          initialValues={{ workerId: linking.workerId ?? undefined }}
          onClose={() => setLinking(undefined)}
          onReload={refresh}
          onSubmit={async ({ workerId }) => { await update(linking, { workerId: workerId ?? null }); await refresh(); }}
        >
          {() => (
            <Form.Item label={t('user.worker')} name="workerId" extra={t('user.workerHelp')}>
              <Select showSearch allowClear filterOption={false} onSearch={setWorkerSearch} loading={workers.isFetching} placeholder={t('user.workerSearch')}
                options={[
                  ...(linking.worker && !(workers.data?.items ?? []).some((w) => w.id === linking.worker?.id)
                    ? [{ value: linking.worker.id, label: workerLabel(linking.worker) }] : []),
                  ...(workers.data?.items ?? []).map((w) => ({ value: w.id, label: workerLabel(w) })),
                ]} />
            </Form.Item>
          )}
        </EditModal>
      )}
      <SecretOnceModal title={t('user.passwordTitle', { name: issued?.name ?? '' })} secret={issued?.password} note={t('user.passwordNote')}
        onClose={() => setIssued(undefined)} />
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
