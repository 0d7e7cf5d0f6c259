import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton, useRefresh, useTranslate } from 'react-admin';
import { SubmissionFailure, useHazardSubmission } from './HazardSubmission';

export type FormValues = Record<string, unknown>;

export interface HazardActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  help?: string;
  submitLabel: string;
  /** What the server calls with the values; the key is one per submission, reused on retry. */
  submit: (values: FormValues, idempotencyKey: string) => Promise<unknown>;
  successMessage: string;
  defaultValues?: FormValues;
  children: ReactNode;
  testId: string;
}

/**
 * A dialog around one hazard submission (进展, 验收申请, 延期申请, 提请挂牌督办): react-admin inputs with
 * their validation, server field errors under the inputs, and an Idempotency-Key that a retry of the
 * same content reuses.
 */
export const HazardActionDialog = ({
  open,
  onClose,
  title,
  help,
  submitLabel,
  submit,
  successMessage,
  defaultValues,
  children,
  testId,
}: HazardActionDialogProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { failure, clearFailure, send } = useHazardSubmission(successMessage);
  const [formKey, setFormKey] = useState(0);

  const close = () => {
    clearFailure();
    setFormKey((n) => n + 1);
    onClose();
  };

  const onSubmit = (values: FormValues) =>
    send(
      values,
      (key) => submit(values, key),
      () => {
        refresh();
        close();
      },
    );

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth data-testid={testId}>
      <Form key={formKey} onSubmit={onSubmit} defaultValues={defaultValues} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {help ? <DialogContentText sx={{ mb: 2 }}>{help}</DialogContentText> : null}
          {children}
          <SubmissionFailure failure={failure} testId="hazard-action-error" />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <SaveButton
            label={submitLabel}
            icon={<SendOutlinedIcon />}
            alwaysEnable
            data-testid="hazard-action-submit"
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
