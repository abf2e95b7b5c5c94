import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Modal, Radio, Space, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18n';
import { useProblemText } from '../../i18n/problemText';
import { ballotChoices, choicesOf } from '../choices';
import { choiceLabel } from '../labels';

/** The copy button's icon with room around it for a fingertip (44 px). */
const fingertip = { fontSize: 20, padding: 12 };

type Poll = components['schemas']['Poll'];
type Choice = components['schemas']['Choice'];

/**
 * A secret ballot on the phone, in three steps: mark every item, look it over and confirm (a ballot cannot be changed
 * once cast), then the receipt, shown this once and kept nowhere, to check later that the ballot was counted.
 */
export function VoteSheet({ poll, onClose, onVoted }: { poll: Poll; onClose: () => void; onVoted: () => unknown }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [picked, setPicked] = useState<Record<number, Choice | boolean | undefined>>({});
  const [step, setStep] = useState<'choose' | 'confirm' | 'receipt'>('choose');
  const [receipt, setReceipt] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const items = poll.items ?? [];
  const election = poll.kind === 'election';
  const selected = items.filter((item) => picked[item.number] === true).length;
  const complete = election ? selected <= (poll.seats ?? 1) : items.every((item) => picked[item.number]);
  const cast = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await ok(api.POST('/api/v1/congress/my/polls/{id}/ballot', { params: { path: { id: poll.id } }, body: { choices: ballotChoices(poll.kind, picked) } }));
      setReceipt(answer.receipt);
      setStep('receipt');
      await onVoted();
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  const summary = (number: number) => {
    const choice = picked[number];
    return election ? (choice ? t('congress.choice.selected') : t('repView.ballot.notSelected')) : t(choiceLabel(choice as Choice));
  };
  const footer = {
    choose: [<Button key="cancel" onClick={onClose}>{t('form.cancel')}</Button>,
      <Button key="next" type="primary" disabled={!complete} onClick={() => setStep('confirm')}>{t('repView.ballot.review')}</Button>],
    confirm: [<Button key="back" onClick={() => setStep('choose')}>{t('repView.ballot.back')}</Button>,
      <Button key="cast" type="primary" loading={busy} onClick={() => void cast()}>{t('repView.ballot.cast')}</Button>],
    receipt: [<Button key="done" type="primary" onClick={onClose}>{t('repView.ballot.saved')}</Button>],
  }[step];
  return (
    <Modal open title={poll.title} onCancel={step === 'receipt' ? onClose : undefined} closable={step !== 'confirm'} maskClosable={false}
      footer={footer} width={560} style={{ top: 16 }} destroyOnHidden>
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={failure} />}
      {step === 'choose' && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {poll.description && <Typography.Paragraph type="secondary">{poll.description}</Typography.Paragraph>}
          {election && <Alert type="info" showIcon message={t('repView.ballot.seats', { seats: poll.seats ?? 1, selected })} />}
          {items.map((item) => (
            <div key={item.number} role="group" aria-label={item.title}>
              <Typography.Text strong>{item.number}. {item.title}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                {election ? (
                  <Checkbox style={{ minHeight: 44, alignItems: 'center' }} checked={picked[item.number] === true} disabled={picked[item.number] !== true && selected >= (poll.seats ?? 1)}
                    onChange={(e) => setPicked({ ...picked, [item.number]: e.target.checked })}>{t('congress.choice.selected')}</Checkbox>
                ) : (
                  <Radio.Group optionType="button" buttonStyle="solid" value={picked[item.number]} onChange={(e) => setPicked({ ...picked, [item.number]: e.target.value })}
                    options={choicesOf[poll.kind].map((choice) => ({ value: choice, label: t(choiceLabel(choice)) }))} />
                )}
              </div>
            </div>
          ))}
        </Space>
      )}
      {step === 'confirm' && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('repView.ballot.final')} />
          <Descriptions column={1} size="small" bordered>
            {items.map((item) => <Descriptions.Item key={item.number} label={`${item.number}. ${item.title}`}>{summary(item.number)}</Descriptions.Item>)}
          </Descriptions>
        </>
      )}
      {step === 'receipt' && (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('repView.ballot.counted')} />
          <Typography.Paragraph>{t('repView.ballot.receiptHelp')}</Typography.Paragraph>
          <Typography.Paragraph code copyable={{ text: receipt, tooltips: [t('client.copy'), t('client.copied')], icon: [<CopyOutlined key="copy" style={fingertip} />, <CheckOutlined key="copied" style={fingertip} />] }} data-testid="ballot-receipt" style={{ fontSize: 18 }}>
            {receipt}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
