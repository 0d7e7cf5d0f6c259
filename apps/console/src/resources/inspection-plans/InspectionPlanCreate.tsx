import {
  Create,
  DateInput,
  FormDataConsumer,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { shanghaiToday } from '../../fields/shanghaiTime';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { ConsoleDataProvider, CreateMeta } from '../../providers/dataProvider';
import { inspectionKindChoices } from '../enforcement/choices';
import { EnterpriseMultiInput } from '../enforcement/EnterpriseMultiInput';
import type { InspectionPlan, InspectionPlanInput } from '../enforcement/types';

interface PlanValues {
  title?: string;
  kind?: InspectionPlanInput['kind'];
  period?: { from?: string; to?: string };
  enterpriseCreditCodes?: string[];
}

const toPlan = (values: PlanValues): InspectionPlanInput => ({
  title: values.title?.trim() ?? '',
  kind: values.kind ?? 'routine',
  period: { from: values.period?.from ?? '', to: values.period?.to ?? '' },
  // A 双随机 plan draws its targets; the others list them.
  enterpriseCreditCodes: values.kind === 'randomDraw' ? [] : (values.enterpriseCreditCodes ?? []),
});

const validatePlan = (values: PlanValues) => {
  const errors: Record<string, unknown> = {};
  if (values.period?.from && values.period.to && values.period.to < values.period.from) {
    errors.period = { to: 'zhiben.enforcement.validation.periodOrder' };
  }
  if (values.kind !== 'randomDraw' && (values.enterpriseCreditCodes ?? []).length === 0) {
    errors.enterpriseCreditCodes = 'ra.validation.required';
  }
  return errors;
};

/** 新建检查计划: routine targets, or 双随机 candidates with the number to draw and the inspector pool. */
export const InspectionPlanCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const keyFor = useIdempotencyKey();
  const save = async (values: Record<string, unknown>) => {
    const body = toPlan(values as PlanValues);
    try {
      const meta: CreateMeta = { idempotencyKey: keyFor(body) };
      const { data } = await dataProvider.create<InspectionPlan>('inspection-plans', { data: body, meta });
      redirect('show', 'inspection-plans', data.id);
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  return (
    <Create title="zhiben.enforcement.plan.create">
      <SimpleForm
        onSubmit={save}
        validate={validatePlan}
        defaultValues={{ kind: 'randomDraw', period: { from: shanghaiToday() }, enterpriseCreditCodes: [] }}
        toolbar={
          <Toolbar>
            <SaveButton alwaysEnable data-testid="plan-save" />
          </Toolbar>
        }
        data-testid="plan-form"
      >
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="kind" choices={inspectionKindChoices} validate={required()} />
        <DateInput source="period.from" validate={required()} />
        <DateInput source="period.to" validate={required()} />
        <FormDataConsumer<PlanValues>>
          {({ formData }) =>
            formData.kind === 'randomDraw' ? (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('zhiben.enforcement.plan.drawLater')}
              </Typography>
            ) : (
              <EnterpriseMultiInput
                source="enterpriseCreditCodes"
                label="resources.inspection-plans.fields.enterprises"
                helperText="zhiben.enforcement.plan.enterprisesHelp"
              />
            )
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
