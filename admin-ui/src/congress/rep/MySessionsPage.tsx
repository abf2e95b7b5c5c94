import { Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ok } from '../../api/client';
import { LoadFailure } from '../../components/LoadFailure';
import { useI18n } from '../../i18n/I18n';
import { sessionModeLabel, sessionStatusColour, sessionStatusLabel } from '../labels';

/** The sessions the representative attends, latest first: the open one at the top to check in and vote. */
export function MySessionsPage() {
  const { t } = useI18n();
  const sessions = useQuery({ queryKey: ['my-sessions'], queryFn: () => ok(api.GET('/api/v1/congress/my/sessions')) });
  if (!sessions.data) {
    return sessions.error ? <LoadFailure query={sessions} /> : <Spin style={{ display: 'block', marginTop: 64 }} />;
  }
  const ordered = [...sessions.data].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  return (
    <Card title={t('repView.sessions.title')} size="small">
      {ordered.length === 0 ? <Empty description={t('repView.sessions.empty')} /> : (
        <List dataSource={ordered} renderItem={(session) => (
          <List.Item key={session.id}>
            <Link to={`/rep/sessions/${session.id}`} style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%', color: 'inherit' }}>
              <div style={{ flex: 1 }}>
                <Typography.Text strong>{session.name}</Typography.Text>
                <div style={{ marginTop: 4 }}>
                  <Tag color={sessionStatusColour[session.status]}>{t(sessionStatusLabel(session.status))}</Tag>
                  {session.status === 'open' && <Tag color={session.checkedIn ? 'green' : 'orange'}>{t(session.checkedIn ? 'repView.checkedIn' : 'repView.notCheckedIn')}</Tag>}
                  <Typography.Text type="secondary">{session.heldOn} · {t(sessionModeLabel(session.mode))}{session.venue ? ` · ${session.venue}` : ''}</Typography.Text>
                </div>
              </div>
              <RightOutlined />
            </Link>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
