import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  Form,
  NumberInput,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { caseActionsFor } from '../enforcement/caseProgress';
import {
  AMOUNT_ACTIONS,
  DEADLINE_ACTIONS,
  checkCaseAction,
  toCaseAction,
  type CaseActionValues,
} from '../enforcement/caseForms';
import { actionChoices } from '../enforcement/choices';
import { issuesToErrors } from '../enforcement/formIssues';
import type { EnforcementActionKind, PenaltyCase } from '../enforcement/types';

const ConditionalInputs = () => {
  const kind = useWatch<CaseActionValues>({ name: 'kind' }) as EnforcementActionKind | '' | undefined;
  return (
    <>
      {kind && DEADLINE_ACTIONS.includes(kind) ? (
        <TextInput
          source="deadlineAt"
          label="zhiben.enforcement.case.deadlineAt"
          type="datetime-local"
          slotProps={{ inputLabel: { shrink: true } }}
          data-testid="case-action-deadline"
        />
      ) : null}
      {kind && AMOUNT_ACTIONS.includes(kind) ? (
        <NumberInput source="amountYuan" label="zhiben.enforcement.case.amountYuan" step={1} min={1} />
      ) : null}
    </>
  );
};

/** 记录措施: 责令限期整改 (with its deadline), 停产整顿 and its lifting, 按日连续处罚, 约谈, 通报, 曝光. */
export const CaseActionButton = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const save = async (values: Record<string, unknown>) => {
    const body = toCaseAction(values as CaseActionValues);
    try {
      await dataProvider.recordCaseAction(kase.id, body, keyFor(body));
      notify('zhiben.enforcement.case.actionRecorded', {
        type: 'success',
        messageArgs: { action: translate(`zhiben.enforcement.actions.${body.kind}`) },
      });
      setOpen(false);
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['penalty-cases', kase.id] });
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<AddCircleOutlineIcon />}
        onClick={() => setOpen(true)}
        data-testid="case-record-action"
      >
        {translate('zhiben.enforcement.case.recordAction')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="sm"
        fullWidth
        data-testid="case-action-dialog"
      >
        <Form
          defaultValues={{ kind: '', detail: '' }}
          validate={(values) => issuesToErrors(checkCaseAction(values as CaseActionValues))}
          onSubmit={save}
          noValidate
        >
          <DialogTitle>{translate('zhiben.enforcement.case.recordAction')}</DialogTitle>
          <DialogContent>
            <SelectInput
              source="kind"
              label="zhiben.enforcement.case.actionKind"
              choices={actionChoices(caseActionsFor(kase.actions))}
              fullWidth
              data-testid="case-action-kind"
            />
            <TextInput
              source="detail"
              label="zhiben.enforcement.case.detail"
              multiline
              minRows={2}
              fullWidth
            />
            <ConditionalInputs />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton
              label="zhiben.enforcement.case.recordAction"
              alwaysEnable
              data-testid="case-action-submit"
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/** 申请整改复查: the enterprise, once it has rectified, asks for the re-inspection (due within 10 days). */
export const ReinspectionApplicationButton = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const save = async (values: Record<string, unknown>) => {
    const body = { note: String(values.note ?? '').trim() };
    if (!body.note) return { note: 'ra.validation.required' };
    try {
      await dataProvider.applyForReinspection(kase.id, body, keyFor(body));
      notify('zhiben.enforcement.case.applied', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="case-apply-reinspection">
        {translate('zhiben.enforcement.case.applyReinspection')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <Form defaultValues={{ note: '' }} onSubmit={save} noValidate>
          <DialogTitle>{translate('zhiben.enforcement.case.applyReinspection')}</DialogTitle>
          <DialogContent>
            <TextInput
              source="note"
              label="zhiben.enforcement.case.applyNote"
              helperText="zhiben.enforcement.case.applyHelp"
              multiline
              minRows={3}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="zhiben.enforcement.case.applyReinspection" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
