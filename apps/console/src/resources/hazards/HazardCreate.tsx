import { Box, Typography } from '@mui/material';
import {
  Create,
  DateInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  regex,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { shanghaiToday } from '../../fields/shanghaiTime';
import { pruneEmpty, submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { ConsoleDataProvider, CreateMeta } from '../../providers/dataProvider';
import { useRoles } from '../../providers/roles';
import { hazardGradeChoices, hazardSourceChoices } from './hazardChoices';
import { EnterpriseCreditCodeInput, StandardClauseInputs } from './HazardInputs';
import type { Hazard } from './types';

const validatePhone = regex(/^[0-9+\-() ]{5,30}$/, 'zhiben.validation.phone');

const notInFuture = (value: unknown) =>
  typeof value === 'string' && value > shanghaiToday() ? 'zhiben.validation.notInFuture' : undefined;

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(title)}
    </Typography>
  );
};

const PersonInputs = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput
        source={`${source}.name`}
        label={translate('zhiben.hazards.person.name', { role: translate(label) })}
        validate={maxLength(50)}
      />
      <TextInput
        source={`${source}.phone`}
        label={translate('zhiben.hazards.person.phone', { role: translate(label) })}
        validate={validatePhone}
      />
    </Box>
  );
};

/** Keeps a person only when named: a phone without a name is not a person. */
const person = (value: unknown) => {
  const p = value as { name?: string; phone?: string } | undefined;
  return p?.name?.trim() ? { name: p.name.trim(), phone: p.phone?.trim() || undefined } : undefined;
};

/** The request body registerHazardSchema accepts, from the form values. */
const toRegistration = (values: Record<string, unknown>, enterpriseUser: boolean) => {
  const standard = values.standard as { catalogueId?: string; clauseId?: string } | undefined;
  return pruneEmpty({
    // An enterprise registers for itself, and only 企业自查; the server enforces the same.
    enterpriseCreditCode: enterpriseUser ? undefined : values.enterpriseCreditCode,
    source: enterpriseUser ? 'SelfInspection' : values.source,
    grade: values.grade,
    title: values.title,
    category: values.category,
    description: values.description,
    location: values.location,
    standard:
      standard?.catalogueId && standard.clauseId
        ? { catalogueId: standard.catalogueId, clauseId: standard.clauseId }
        : undefined,
    foundOn: values.foundOn,
    foundBy: values.foundBy,
    principal: person(values.principal),
    actualController: person(values.actualController),
    rectificationOwner: person(values.rectificationOwner),
    interimMeasures: values.interimMeasures,
  });
};

/**
 * 登记隐患: enters a hazard in the ledger and starts its workflow. Enterprise staff register their own
 * 企业自查 findings; officials pick the enterprise and the discovery channel. A 重大 hazard must cite
 * the 判定标准 clause it was judged under.
 */
export const HazardCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { enterprise } = useRoles();
  const keyFor = useIdempotencyKey();

  const save = async (values: Record<string, unknown>) => {
    const body = toRegistration(values, enterprise);
    try {
      const meta: CreateMeta = { idempotencyKey: keyFor(body) };
      const { data } = await dataProvider.create<Hazard>('hazards', { data: body, meta });
      notify('zhiben.hazards.register.done', { type: 'success', messageArgs: { caseRef: data.caseRef } });
      redirect('show', 'hazards', data.id);
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };

  return (
    <Create title="zhiben.hazards.register.title">
      <SimpleForm
        onSubmit={save}
        toolbar={
          <Toolbar>
            <SaveButton
              label="zhiben.hazards.registerAction"
              alwaysEnable
              data-testid="hazard-register-submit"
            />
          </Toolbar>
        }
        defaultValues={{
          grade: 'major',
          source: enterprise ? 'SelfInspection' : 'EnforcementInspection',
          foundOn: shanghaiToday(),
        }}
        data-testid="hazard-register-form"
      >
        <Section title="zhiben.hazards.register.sections.what" />
        {enterprise ? null : (
          <EnterpriseCreditCodeInput source="enterpriseCreditCode" validate={[required()]} />
        )}
        <RadioButtonGroupInput source="grade" choices={hazardGradeChoices} validate={required()} />
        <SelectInput
          source="source"
          choices={hazardSourceChoices}
          validate={required()}
          disabled={enterprise}
          helperText={enterprise ? 'zhiben.hazards.register.selfInspectionOnly' : false}
        />
        <TextInput source="title" validate={[required(), maxLength(100)]} fullWidth />
        <TextInput
          source="category"
          validate={maxLength(50)}
          helperText="zhiben.hazards.register.categoryHelp"
        />
        <TextInput
          source="description"
          validate={[required(), maxLength(4000)]}
          multiline
          minRows={3}
          fullWidth
        />
        <TextInput source="location" validate={[required(), maxLength(300)]} fullWidth />
        <DateInput source="foundOn" validate={[required(), notInFuture]} />
        <TextInput
          source="foundBy"
          validate={maxLength(50)}
          helperText="zhiben.hazards.register.foundByHelp"
        />

        <FormDataConsumer<{ grade?: string }>>
          {({ formData }) =>
            formData.grade === 'major' ? (
              <>
                <Section title="zhiben.hazards.register.sections.standard" />
                <StandardClauseInputs />
              </>
            ) : null
          }
        </FormDataConsumer>

        <Section title="zhiben.hazards.register.sections.people" />
        <PersonInputs source="principal" label="resources.hazards.fields.principal" />
        <PersonInputs source="actualController" label="resources.hazards.fields.actualController" />
        <PersonInputs source="rectificationOwner" label="resources.hazards.fields.rectificationOwner" />
        <TextInput
          source="interimMeasures"
          validate={maxLength(2000)}
          multiline
          minRows={2}
          fullWidth
          helperText="zhiben.hazards.register.interimHelp"
        />
        <Typography variant="caption" color="text.secondary">
          {translate('zhiben.hazards.register.afterwards')}
        </Typography>
      </SimpleForm>
    </Create>
  );
};
