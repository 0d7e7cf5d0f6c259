import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider, CreateMeta } from '../../providers/dataProvider';
import { issuesToErrors, type FormIssue } from '../enforcement/formIssues';
import { MIN_OFFICERS } from '../enforcement/referralForms';
import type { Inspection, OpenCaseInput, PenaltyCase } from '../enforcement/types';
import { PeopleInputs } from './InspectorInputs';

interface OpenCaseValues {
  title?: string;
  officers?: { username?: string; name?: string }[];
}

export const checkOpenCase = (values: OpenCaseValues): FormIssue[] => {
  const officers = (values.officers ?? []).filter((o) => o.username?.trim());
  return new Set(officers.map((o) => o.username!.trim())).size < MIN_OFFICERS
    ? [{ path: 'officers', key: 'zhiben.enforcement.validation.twoOfficers', args: { min: MIN_OFFICERS } }]
    : [];
};

/** 立案查处: opens a penalty case from a recorded inspection (the case workflow starts with 立案审批). */
export const OpenCaseButton = ({ inspection }: { inspection: Inspection }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const { identity } = useGetIdentity();
  const me = identity as ConsoleIdentity | undefined;
  const [open, setOpen] = useState(false);
  const save = async (values: Record<string, unknown>) => {
    const v = values as OpenCaseValues;
    const body: OpenCaseInput = {
      inspectionId: inspection.id,
      title: v.title?.trim() ?? '',
      officers: (v.officers ?? [])
        .filter((o) => o.username?.trim())
        .map((o) => ({ username: o.username!.trim(), name: o.name?.trim() ?? '' })),
    };
    try {
      const meta: CreateMeta = { idempotencyKey: keyFor(body) };
      const { data } = await dataProvider.create<PenaltyCase>('penalty-cases', { data: body, meta });
      notify('zhiben.enforcement.inspection.caseOpened', { type: 'success' });
      setOpen(false);
      redirect('show', 'penalty-cases', data.id);
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  const officers = inspection.inspectors.map((i) => ({ username: i.username, name: i.name }));
  if (officers.length === 0 && me) officers.push({ username: me.username, name: me.fullName ?? '' });
  return (
    <>
      <Button
        variant="contained"
        color="warning"
        startIcon={<GavelOutlinedIcon />}
        onClick={() => setOpen(true)}
        data-testid="inspection-open-case"
      >
        {translate('zhiben.enforcement.inspection.openCase')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="md"
        fullWidth
        data-testid="open-case-dialog"
      >
        <Form
          defaultValues={{
            title: `${inspection.enterprise.name}${translate('zhiben.enforcement.inspection.openCase')}`,
            officers,
          }}
          validate={(values) => issuesToErrors(checkOpenCase(values as OpenCaseValues))}
          onSubmit={save}
          noValidate
        >
          <DialogTitle>{translate('zhiben.enforcement.inspection.openCaseTitle')}</DialogTitle>
          <DialogContent>
            <TextInput
              source="title"
              label="zhiben.enforcement.inspection.caseTitle"
              validate={[required(), maxLength(200)]}
              fullWidth
            />
            <PeopleInputs source="officers" label="zhiben.enforcement.inspection.officers" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton
              label="zhiben.enforcement.inspection.openCase"
              alwaysEnable
              data-testid="open-case-submit"
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
