import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, Space, type FormInstance } from 'antd';
import { ProblemError } from '../api/client';
import { fieldErrors, isChangedElsewhere } from '../api/problems';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';

interface EditModalProps<T> {
  title: string;
  initialValues?: Partial<T>;
  /** The form's fields; their names are where the API's field errors go. */
  children: (form: FormInstance<T>) => ReactNode;
  fieldNames: readonly string[];
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  /** Reads the record again after someone else changed it. */
  onReload?: () => void;
  /** The submit button's text, when the dialog does more than save (e.g. submit, close); "save" unless given. */
  submitText?: string;
}

/**
 * A form in a dialog that saves through the API: field errors land on their fields, other problems above the form,
 * a change refused because someone else changed the record first (412), or because of its state (409), offers to
 * reload it, and closing with unsaved
 * changes asks first.
 */
export function EditModal<T extends object>({ title, initialValues, children, fieldNames, onSubmit, onClose, onReload, submitText }: EditModalProps<T>) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  /** The record's state refused the change (409), e.g. someone else already did it: reading it again may help. */
  const [conflict, setConflict] = useState(false);

  const save = async (values: T) => {
    setBusy(true);
    setGeneral([]);
    setConflict(false);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        setGeneral([t('error.network')]);
      } else if (isChangedElsewhere(error.status)) {
        setStale(true);
      } else {
        const mapped = fieldErrors(error.problem, fieldNames);
        form.setFields(mapped.fields as never);
        setGeneral(error.problem.errors ? mapped.general : [problemText(error)]);
        setConflict(error.status === 409 && mapped.fields.length === 0);
      }
    } finally {
      setBusy(false);
    }
  };
  const reload = onReload && <Button size="small" onClick={() => { onReload(); onClose(); }}>{t('error.reload')}</Button>;
  const close = () => {
    if (form.isFieldsTouched()) {
      Modal.confirm({ title: t('form.discardTitle'), content: t('form.discard'), okText: t('form.discardOk'), cancelText: t('form.keepEditing'), onOk: onClose });
    } else {
      onClose();
    }
  };
  return (
    <Modal open title={title} onCancel={close} footer={null} destroyOnHidden>
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} role="alert" message={t('form.changedElsewhere')}
          action={reload} />
      )}
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} role="alert" message={general.join(' ')}
        action={conflict && reload} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={save}>
        {children(form)}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>{submitText ?? t('form.save')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
