import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DateInput,
  Form,
  LinkBase,
  NumberInput,
  SaveButton,
  TextInput,
  Title,
  maxLength,
  minValue,
  regex,
  required,
  useDataProvider,
  useGetOne,
  useParams,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { shanghaiDate, shanghaiToday } from '../../fields/shanghaiTime';
import { pruneEmpty } from '../../fields/submission';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { PlanSubmission } from '../../providers/hazardsApi';
import { EvidenceUpload } from './EvidenceGallery';
import { HazardGradeChip, HazardStatusChip } from './HazardChips';
import { SubmissionFailure, UploadedList, useHazardSubmission, useUploads } from './HazardSubmission';
import { sortPlans } from './useHazardRecords';
import { asDetail, type HazardDetail, type RectificationPlan } from './types';

const validatePhone = regex(/^[0-9+\-() ]{5,30}$/, 'zhiben.validation.phone');

/** The completion date must lie ahead: a plan cannot promise a finished rectification in the past. */
const afterToday = (value: unknown) =>
  typeof value === 'string' && value <= shanghaiToday() ? 'zhiben.hazards.plan.deadlineFuture' : undefined;

/** One of the six items: its number and name as a heading, what it asks for beneath. */
const Element = ({
  n,
  name,
  hint,
  children,
}: {
  n: number;
  name: string;
  hint: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3 }} data-testid={`plan-element-${n}`}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('zhiben.hazards.plan.element', { n, name: translate(name) })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(hint)}
      </Typography>
      {children}
    </Box>
  );
};

const fromPlan = (plan: RectificationPlan | undefined): Record<string, unknown> =>
  plan
    ? {
        targets: plan.targets,
        measures: plan.measures,
        fundsAndMaterials: plan.fundsAndMaterials,
        fundsAmountYuan: plan.fundsAmountYuan === null ? undefined : Number(plan.fundsAmountYuan),
        organisationAndPeople: plan.organisationAndPeople,
        responsiblePerson: plan.responsiblePerson,
        deadline: plan.deadline,
        timeRequirements: plan.timeRequirements ?? '',
        safetyMeasures: plan.safetyMeasures,
        emergencyPlan: plan.emergencyPlan,
        acceptor: plan.acceptor,
        acceptanceCriteria: plan.acceptanceCriteria ?? '',
        executor: plan.executor ?? undefined,
      }
    : {};

const PlanForm = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { failure, send } = useHazardSubmission('zhiben.hazards.plan.done');
  const uploads = useUploads();
  const previous = sortPlans(hazard.plans)[0];
  const returned = previous?.status === 'returned' ? previous : undefined;

  const save = (values: Record<string, unknown>) => {
    const body = pruneEmpty({
      ...values,
      fundsAmountYuan:
        values.fundsAmountYuan === null ||
        values.fundsAmountYuan === '' ||
        values.fundsAmountYuan === undefined
          ? undefined
          : Number(values.fundsAmountYuan),
      attachments: uploads.ids(),
    }) as unknown as PlanSubmission;
    return send(
      body,
      (key) => dataProvider.submitPlan(hazard.id, body, key),
      () => redirect('show', 'hazards', hazard.id),
    );
  };

  return (
    <Form onSubmit={save} defaultValues={fromPlan(returned ?? previous)} noValidate>
      {returned?.reviewComment ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="plan-returned">
          {translate('zhiben.hazards.plan.returnedBecause', {
            version: returned.planVersion,
            reviewer: returned.reviewedBy?.name ?? '',
            comment: returned.reviewComment,
          })}
        </Alert>
      ) : null}
      <Element n={1} name="zhiben.hazards.plan.fields.targets" hint="zhiben.hazards.plan.hints.targets">
        <TextInput
          source="targets"
          label="zhiben.hazards.plan.fields.targets"
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
      </Element>
      <Element n={2} name="zhiben.hazards.plan.fields.measures" hint="zhiben.hazards.plan.hints.measures">
        <TextInput
          source="measures"
          label="zhiben.hazards.plan.fields.measures"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(4000)]}
        />
      </Element>
      <Element
        n={3}
        name="zhiben.hazards.plan.fields.fundsAndMaterials"
        hint="zhiben.hazards.plan.hints.fundsAndMaterials"
      >
        <TextInput
          source="fundsAndMaterials"
          label="zhiben.hazards.plan.fields.fundsAndMaterials"
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
        <NumberInput
          source="fundsAmountYuan"
          label="zhiben.hazards.plan.fields.fundsAmountYuan"
          min={0}
          validate={minValue(0)}
        />
      </Element>
      <Element
        n={4}
        name="zhiben.hazards.plan.fields.organisationAndPeople"
        hint="zhiben.hazards.plan.hints.organisationAndPeople"
      >
        <TextInput
          source="organisationAndPeople"
          label="zhiben.hazards.plan.fields.organisationAndPeople"
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput
            source="responsiblePerson.name"
            label="zhiben.hazards.plan.fields.responsiblePerson"
            validate={[required(), maxLength(50)]}
          />
          <TextInput
            source="responsiblePerson.phone"
            label="zhiben.hazards.plan.fields.phone"
            validate={validatePhone}
          />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput
            source="executor.name"
            label="zhiben.hazards.plan.fields.executor"
            validate={maxLength(50)}
          />
          <TextInput
            source="executor.phone"
            label="zhiben.hazards.plan.fields.phone"
            validate={validatePhone}
          />
        </Stack>
      </Element>
      <Element
        n={5}
        name="zhiben.hazards.plan.fields.timeRequirements"
        hint="zhiben.hazards.plan.hints.timeRequirements"
      >
        <DateInput
          source="deadline"
          label="zhiben.hazards.plan.fields.deadline"
          validate={[required(), afterToday]}
        />
        <TextInput
          source="timeRequirements"
          label="zhiben.hazards.plan.fields.milestones"
          multiline
          minRows={2}
          fullWidth
          validate={maxLength(2000)}
        />
      </Element>
      <Element
        n={6}
        name="zhiben.hazards.plan.fields.safetyAndEmergency"
        hint="zhiben.hazards.plan.hints.safetyAndEmergency"
      >
        <TextInput
          source="safetyMeasures"
          label="zhiben.hazards.plan.fields.safetyMeasures"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(4000)]}
        />
        <TextInput
          source="emergencyPlan"
          label="zhiben.hazards.plan.fields.emergencyPlan"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(4000)]}
        />
      </Element>
      <Box sx={{ mt: 3 }} data-testid="plan-acceptor-section">
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('zhiben.hazards.plan.fields.acceptor')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('zhiben.hazards.plan.hints.acceptor')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput
            source="acceptor.name"
            label="zhiben.hazards.plan.fields.acceptorName"
            validate={[required(), maxLength(50)]}
          />
          <TextInput
            source="acceptor.title"
            label="zhiben.hazards.plan.fields.acceptorTitle"
            validate={maxLength(50)}
          />
          <TextInput
            source="acceptor.phone"
            label="zhiben.hazards.plan.fields.phone"
            validate={validatePhone}
          />
        </Stack>
        <TextInput
          source="acceptanceCriteria"
          label="zhiben.hazards.plan.fields.acceptanceCriteria"
          multiline
          minRows={2}
          fullWidth
          validate={maxLength(2000)}
        />
      </Box>
      <Box sx={{ mt: 2 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate('zhiben.hazards.plan.attachments')}
        </Typography>
        <EvidenceUpload hazardId={hazard.id} defaultKind="plan" onUploaded={uploads.add} />
        <UploadedList files={uploads.files} />
      </Box>
      <SubmissionFailure failure={failure} testId="plan-error" />
      <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
        <SaveButton
          label="zhiben.hazards.plan.submit"
          icon={<SendOutlinedIcon />}
          alwaysEnable
          data-testid="plan-submit"
        />
        <Button component={LinkBase} to={`/hazards/${hazard.id}/show`} startIcon={<ArrowBackIcon />}>
          {translate('ra.action.cancel')}
        </Button>
      </Stack>
    </Form>
  );
};

/**
 * 提交整改方案 (`/hazards/:id/plan`): the enterprise's 重大事故隐患治理方案 with the six items of
 * 16号令 第十五条 and the 验收人. A returned plan comes back prefilled with the reviewer's reasons.
 */
export const PlanFormPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<HazardDetail>('hazards', { id });
  // A list row seeded into the cache has no plans yet: the form waits for the detail, whose latest
  // (returned) plan it starts from.
  const loaded = Array.isArray(data?.plans);
  const hazard = data && loaded ? asDetail(data) : undefined;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, maxWidth: 960 }} data-testid="plan-form-page">
      <Title title={translate('zhiben.hazards.plan.formTitle')} />
      <Card>
        <CardContent>
          {isPending || (data && !loaded && !error) ? (
            <CircularProgress size={28} />
          ) : error || !hazard ? (
            <Alert severity="error">
              {error instanceof Error ? error.message : translate('ra.page.not_found')}
            </Alert>
          ) : (
            <>
              <Typography variant="overline" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {hazard.caseRef}
              </Typography>
              <Typography variant="h6" component="h1">
                {translate('zhiben.hazards.plan.formHeading', { title: hazard.title })}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ my: 1 }}>
                <HazardGradeChip grade={hazard.grade} />
                <HazardStatusChip status={hazard.status} />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {translate('zhiben.hazards.plan.intro', {
                  date: hazard.rectificationDeadline ? shanghaiDate(hazard.rectificationDeadline) : '—',
                })}
              </Typography>
              <PlanForm hazard={hazard} />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
