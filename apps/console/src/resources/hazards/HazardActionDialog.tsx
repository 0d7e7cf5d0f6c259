import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';

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
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formKey, setFormKey] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    setFormKey((n) => n + 1);
    onClose();
  };

  const onSubmit = async (values: FormValues) => {
    setFailure(null);
    try {
      await submit(values, keyFor(values));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return submissionErrors(error);
    }
    notify(successMessage, { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['hazards'] });
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    refresh();
    close();
    return undefined;
  };

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth data-testid={testId}>
      <Form key={formKey} onSubmit={onSubmit} defaultValues={defaultValues} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {help ? <DialogContentText sx={{ mb: 2 }}>{help}</DialogContentText> : null}
          {children}
          {failure ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="hazard-action-error">
              {failure}
            </Alert>
          ) : null}
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
