import { Button, Card, Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useToday } from '../auth/today';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { fileSize } from '../components/fileSize';
import { daysLeft, deadline, statusColor, timelineNote, type Proposal, type ProposalStatus } from './logic';
import { proposalsMessages } from './messages';
import { useFormat } from '../i18n/format';

/** A timeline step's name; one this version of the UI does not know yet as the API names it. */
const timelineLabel = (action: string, t: (key: MessageKey) => string) =>
  `proposals.timeline.${action}` in proposalsMessages['zh-CN'] ? t(`proposals.timeline.${action}` as MessageKey) : action;


export function StatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]}>{t(`proposals.status.${status}` as MessageKey)}</Tag>;
}

/** The deadline of a proposal being handled, marked red when overdue and orange when due soon. */
export function DueOn({ proposal }: { proposal: Pick<Proposal, 'status' | 'dueOn' | 'overdue'> }) {
  const { t } = useI18n();
  const today = useToday();
  if (!proposal.dueOn) {
    return <>—</>;
  }
  const state = deadline(proposal, today);
  return (
    <Space size={4} wrap>
      <span>{proposal.dueOn}</span>
      {state.kind === 'overdue' && <Tag color="red">{t('proposals.overdue')}</Tag>}
      {state.kind === 'dueToday' && <Tag color="orange">{t('proposals.dueToday')}</Tag>}
      {state.kind === 'dueSoon' && <Tag color="orange">{t('proposals.dueSoon', { days: state.days })}</Tag>}
    </Space>
  );
}

/** The days a proposal being handled has left (in the enterprise's days), or how long it is overdue: red past it, orange within a week. */
export function DaysLeft({ proposal }: { proposal: Pick<Proposal, 'status' | 'dueOn' | 'overdue'> }) {
  const { t } = useI18n();
  const left = daysLeft(proposal, useToday());
  if (!left) {
    return <>—</>;
  }
  if (left.overdue) {
    return <Tag color="red">{t('proposals.daysOverdue', { days: left.days })}</Tag>;
  }
  return <Tag color={left.days <= 7 ? 'orange' : undefined}>{left.days === 0 ? t('proposals.dueToday') : t('proposals.daysLeft', { days: left.days })}</Tag>;
}

/** Fetches an attachment as the signed-in session and hands it to the browser under its own name. */
async function saveAttachment(proposalId: string, attachment: { id: string; fileName: string }) {
  const { data, response } = await api.GET('/api/v1/proposals/proposals/{proposalId}/attachments/{id}', {
    params: { path: { proposalId, id: attachment.id } }, parseAs: 'blob',
  }) as { data?: Blob; response: Response };
  if (response.ok && data) {
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(data), download: attachment.fileName });
    link.click();
    URL.revokeObjectURL(link.href);
  }
}

/**
 * A proposal as everyone who may see it reads it: what it says, its attachments, co-signers, departments, the
 * decision, answer and rating so far, and its timeline. <paramref name="compact"/> lays it out for a phone.
 */
export function ProposalDetails({ proposal, compact, calls, onRemoveAttachment }: {
  proposal: Proposal;
  compact?: boolean;
  calls?: Record<string, string>;
  onRemoveAttachment?: (id: string) => void;
}) {
  const { t } = useI18n();
  const { dateTime } = useFormat();
  const lead = proposal.handlers?.find((h) => h.isLead);
  const coHandlers = proposal.handlers?.filter((h) => !h.isLead) ?? [];
  return (
    <Space direction="vertical" size={compact ? 12 : 16} style={{ width: '100%' }}>
      <Card size={compact ? 'small' : 'default'} title={t('proposals.details')}>
        <Descriptions column={compact ? 1 : 2} size="small" bordered={!compact}>
          <Descriptions.Item label={t('proposals.number')}>{proposal.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.status')}><StatusTag status={proposal.status} /></Descriptions.Item>
          <Descriptions.Item label={t('proposals.category')}>{t(`proposals.category.${proposal.category}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.proposer')}>{proposal.proposerName}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.call')}>{proposal.callId ? (calls?.[proposal.callId] ?? '…') : t('proposals.noCall')}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.submittedAt')}>{dateTime(proposal.submittedAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('proposals.reasons')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{proposal.reasons}</Typography.Paragraph>
        <Typography.Title level={5}>{t('proposals.suggestions')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{proposal.suggestions}</Typography.Paragraph>
      </Card>

      <Card size="small" title={t('proposals.attachments')}>
        {(proposal.attachments ?? []).length === 0 ? <Typography.Text type="secondary">{t('proposals.noAttachments')}</Typography.Text> : (
          <List size="small" dataSource={proposal.attachments ?? []} renderItem={(a) => (
            <List.Item actions={onRemoveAttachment ? [<Button key="remove" size="small" danger type="link" onClick={() => onRemoveAttachment(a.id)}>{t('proposals.rep.removeAttachment')}</Button>] : []}>
              <Button type="link" icon={<PaperClipOutlined />} style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                onClick={() => void saveAttachment(proposal.id, a)}>{a.fileName}</Button>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{fileSize(a.size)}</Typography.Text>
            </List.Item>
          )} />
        )}
      </Card>

      <Card size="small" title={t('proposals.cosigners')}>
        {(proposal.cosigners ?? []).length === 0 ? <Typography.Text type="secondary">{t('proposals.noCosigners')}</Typography.Text> : (
          <Space wrap data-testid="cosigners">
            {(proposal.cosigners ?? []).map((c) => (
              <Tag key={c.workerId} color={c.status === 'accepted' ? 'green' : c.status === 'declined' ? 'default' : 'blue'}>
                {c.name} · {t(`proposals.cosigner.${c.status}` as MessageKey)}
              </Tag>
            ))}
          </Space>
        )}
      </Card>

      {(proposal.decisionNote || lead || proposal.answer || proposal.rating || (proposal.resolutions ?? []).length > 0 || proposal.mergedInto) && (
        <Card size="small" title={t('proposals.handlers')}>
          <Descriptions column={1} size="small">
            {proposal.decisionNote && <Descriptions.Item label={t('proposals.decisionNote')}>{proposal.decisionNote}</Descriptions.Item>}
            {proposal.mergedInto && (
              <Descriptions.Item label={t('proposals.mergedInto')}>
                <Link to={compact ? `/rep/proposals/${proposal.mergedInto}` : `/proposals/${proposal.mergedInto}`}>{t('proposals.open')}</Link>
              </Descriptions.Item>
            )}
            {lead && (
              <Descriptions.Item label={t('proposals.lead')}>
                {lead.name}{proposal.handlingRound > 1 && <Tag style={{ marginLeft: 8 }}>{t('proposals.handlingRound', { round: proposal.handlingRound })}</Tag>}
              </Descriptions.Item>
            )}
            {coHandlers.length > 0 && <Descriptions.Item label={t('proposals.coHandling')}>{coHandlers.map((h) => h.name).join('、')}</Descriptions.Item>}
            {proposal.dueOn && <Descriptions.Item label={t('proposals.dueOn')}><DueOn proposal={proposal} /></Descriptions.Item>}
            {proposal.answer && <Descriptions.Item label={t('proposals.answer')}><span style={{ whiteSpace: 'pre-wrap' }}>{proposal.answer}</span></Descriptions.Item>}
            {proposal.answeredAt && <Descriptions.Item label={t('proposals.answeredAt')}>{dateTime(proposal.answeredAt)}</Descriptions.Item>}
            {proposal.rating && (
              <Descriptions.Item label={t('proposals.rating')}>
                {t(`proposals.rating.${proposal.rating}` as MessageKey)}{proposal.ratingComment && `：${proposal.ratingComment}`}
              </Descriptions.Item>
            )}
            {(proposal.resolutions ?? []).length > 0 && (
              <Descriptions.Item label={t('proposals.resolutions')}>{(proposal.resolutions ?? []).map((r) => r.title).join('；')}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}

      <Card size="small" title={t('proposals.timeline')}>
        {(proposal.timeline ?? []).length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <Timeline items={(proposal.timeline ?? []).map((entry) => ({
            children: (
              <div>
                <Typography.Text strong>{timelineLabel(entry.action, t)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{entry.actorName} · {dateTime(entry.occurredAt)}</Typography.Text>
                {(entry.note || entry.rating) && <div style={{ whiteSpace: 'pre-wrap' }}>{timelineNote(entry, t)}</div>}
              </div>
            ),
          }))} />
        )}
      </Card>
    </Space>
  );
}
