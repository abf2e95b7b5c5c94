import { Table, Tag, Typography } from 'antd';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { rateText } from '../i18n/format';

type Poll = components['schemas']['Poll'];
type ItemResult = components['schemas']['ItemResult'];

/** The counted columns of each kind of vote, as the API reports them per item. */
const counted: Record<Poll['kind'], (keyof ItemResult)[]> = {
  motion: ['for', 'against', 'abstain'],
  election: ['votes'],
  evaluation: ['excellent', 'competent', 'basicallyCompetent', 'incompetent', 'respondents'],
};

/** A closed vote's results item by item (totals only: the API never returns a ballot), with its turnout and rule. */
export function PollResultsTable({ poll }: { poll: Poll }) {
  const { t } = useI18n();
  const results = poll.results!;
  const outcome = (item: ItemResult) => {
    if (poll.kind === 'motion') {
      return <Tag color={item.passed ? 'green' : 'red'}>{t(item.passed ? 'congress.results.passed' : 'congress.results.failed')}</Tag>;
    }
    if (poll.kind === 'election') {
      return item.elected ? <Tag color="green">{t('congress.results.elected')}</Tag> : item.tied ? <Tag color="orange">{t('congress.results.tied')}</Tag> : '—';
    }
    return item.suppressed ? <Tag>{t('congress.results.suppressed')}</Tag> : '';
  };
  return (
    <div role="region" aria-label={t('congress.results.of', { title: poll.title })}>
      <Typography.Paragraph type="secondary">
        {t('congress.results.turnout', {
          cast: results.ballotsCast, roster: results.rosterSize, online: results.onlineBallots, paper: results.paperBallots,
          turnout: rateText(results.turnout),
        })}
        {poll.passRule && ` ${t('congress.results.rule', { rule: t(`congress.passRule.${poll.passRule}`) })}`}
      </Typography.Paragraph>
      <Table<ItemResult> rowKey="number" size="small" pagination={false} dataSource={results.items} scroll={{ x: 600 }}
        columns={[
          { title: '#', dataIndex: 'number', width: 48 },
          { title: t(`congress.poll.items.${poll.kind}`), dataIndex: 'title' },
          ...counted[poll.kind].map((column) => ({
            title: t(`congress.results.${column}` as MessageKey), dataIndex: column, width: 90,
            render: (value?: number | null) => value ?? '—',
          })),
          { title: t('congress.results.outcome'), key: 'outcome', width: 100, render: (_: unknown, item: ItemResult) => outcome(item) },
        ]} />
    </div>
  );
}
