import { Typography } from '@mui/material';
import {
  Create,
  DateInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { shanghaiToday } from '../../fields/shanghaiTime';
import { pruneEmpty, submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider, CreateMeta } from '../../providers/dataProvider';
import { inspectionKindChoices } from '../enforcement/choices';
import { issuesToErrors, type FormIssue } from '../enforcement/formIssues';
import { MIN_INSPECTORS } from '../enforcement/inspectionForm';
import type { Inspection, InspectionInput } from '../enforcement/types';
import { EnterpriseCreditCodeInput } from '../hazards/HazardInputs';
import { PeopleInputs } from './InspectorInputs';

interface CreateValues {
  kind?: InspectionInput['kind'];
  enterpriseCreditCode?: string;
  planId?: string;
  plannedOn?: string;
  inspectors?: { username?: string; name?: string; certificateNo?: string }[];
}

const validateCreate = (values: CreateValues) => {
  const issues: FormIssue[] = [];
  const inspectors = (values.inspectors ?? []).filter((i) => i.username?.trim());
  if (new Set(inspectors.map((i) => i.username!.trim())).size < MIN_INSPECTORS) {
    issues.push({
      path: 'inspectors',
      key: 'zhiben.enforcement.validation.twoInspectors',
      args: { min: MIN_INSPECTORS },
    });
  }
  return issuesToErrors(issues);
};

/**
 * 新建执法检查: kind, enterprise, date and at least two inspectors (the current user first). The
 * record (checklist, findings, photos, signatures) follows on its own page.
 */
export const InspectionCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const keyFor = useIdempotencyKey();
  const { identity, isPending } = useGetIdentity();
  const me = identity as ConsoleIdentity | undefined;
  const save = async (values: Record<string, unknown>) => {
    const v = values as CreateValues;
    const body = pruneEmpty({
      kind: v.kind,
      enterpriseCreditCode: v.enterpriseCreditCode,
      planId: v.planId,
      plannedOn: v.plannedOn,
      inspectors: (v.inspectors ?? []).filter((i) => i.username?.trim()),
    }) as InspectionInput;
    try {
      const meta: CreateMeta = { idempotencyKey: keyFor(body) };
      const { data } = await dataProvider.create<Inspection>('inspections', { data: body, meta });
      redirect(`/inspections/${encodeURIComponent(String(data.id))}/record`);
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  // The current user is the first inspector: wait for who that is before the form takes its defaults.
  if (isPending) return null;
  return (
    <Create title="zhiben.enforcement.inspection.create">
      <SimpleForm
        onSubmit={save}
        validate={validateCreate}
        defaultValues={{
          kind: 'unannounced',
          plannedOn: shanghaiToday(),
          inspectors: [
            { username: me?.username ?? '', name: me?.fullName ?? '', certificateNo: '' },
            { username: '', name: '', certificateNo: '' },
          ],
        }}
        toolbar={
          <Toolbar>
            <SaveButton alwaysEnable data-testid="inspection-create-submit" />
          </Toolbar>
        }
        data-testid="inspection-create-form"
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('zhiben.enforcement.inspection.createHelp')}
        </Typography>
        <SelectInput source="kind" choices={inspectionKindChoices} validate={required()} />
        <EnterpriseCreditCodeInput source="enterpriseCreditCode" validate={[required()]} />
        <DateInput source="plannedOn" />
        <PeopleInputs
          source="inspectors"
          label="zhiben.enforcement.inspection.sections.inspectors"
          certificate
          testId="inspection-inspectors"
        />
      </SimpleForm>
    </Create>
  );
};
