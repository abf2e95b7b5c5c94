import { Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ProblemError } from '../api/client';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { ProposalActions } from './ProposalActions';
import { ProposalDetails, StatusTag } from './ProposalView';
import { useProposal } from './useProposal';
import { usePageTitle } from '../shell/pageTitle';

/** A proposal for the union's staff and the handling departments: what it says, its way so far, and what the user may do now. */
export function ProposalPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { proposal, calls, changed, reload } = useProposal(id);
  usePageTitle(proposal.data?.title);
  if (proposal.error instanceof ProblemError && proposal.error.status === 404) {
    return <Result status="404" subTitle={t('proposals.notFound')} extra={<Button onClick={() => navigate(-1)}>{t('proposals.back')}</Button>} />;
  }
  const p = proposal.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Space wrap><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('proposals.back')} onClick={() => navigate(-1)} />
          {p ? <Typography.Text strong>{p.number ? `${p.number} ` : ''}{p.title}</Typography.Text> : null}{p && <StatusTag status={p.status} />}</Space>}>
        <LoadFailure query={proposal} />
        {proposal.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : p && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('proposals.actions')}</Typography.Text>
            <ProposalActions proposal={p} onChanged={changed} onReload={reload} />
          </Space>
        )}
      </Card>
      {proposal.isPending ? <Card><Skeleton active /></Card> : p && <ProposalDetails proposal={p} calls={calls} />}
    </Space>
  );
}
