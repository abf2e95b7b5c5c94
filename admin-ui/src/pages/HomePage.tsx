import { Card, Typography } from 'antd';
import { Navigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';

/** Representatives who run nothing work in the phone view. */
const attendsOnly = (permissions: readonly string[]) =>
  (permissions.includes('congress.attend') || permissions.includes('proposals.propose'))
  && !permissions.some((p) => p.endsWith('.manage') || p.endsWith('.write') || p === 'proposals.handle' || p === 'proposals.read');

export function HomePage() {
  const { me } = useSession();
  const { t } = useI18n();
  if (attendsOnly(me?.permissions ?? [])) {
    return <Navigate to="/rep" replace />;
  }
  return (
    <Card>
      <Typography.Title level={3}>{t('home.welcome', { name: me?.name ?? '' })}</Typography.Title>
      {me?.actingFor && <Typography.Paragraph>{t('home.actingFor', { organisation: me.actingFor.name ?? '' })}</Typography.Paragraph>}
      <Typography.Paragraph>{t('home.permissions', { count: me?.permissions?.length ?? 0 })}</Typography.Paragraph>
    </Card>
  );
}
