import AddTaskOutlinedIcon from '@mui/icons-material/AddTaskOutlined';
import PlaylistAddOutlinedIcon from '@mui/icons-material/PlaylistAddOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  Form,
  LinkBase,
  RadioButtonGroupInput,
  ResourceContextProvider,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  required,
  useDataProvider,
  useGetIdentity,
  useGetOne,
  useInput,
  useLocale,
  useNotify,
  useParams,
  useRedirect,
  useSimpleFormIteratorItem,
  useTranslate,
  useWrappedSource,
  ValidationError,
  type ValidationErrorMessage,
} from 'react-admin';
import { shanghaiToday, toShanghaiLocalInput } from '../../fields/shanghaiTime';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { checklistResultChoices } from '../enforcement/choices';
import { InspectionKindChip } from '../enforcement/EnforcementChips';
import { issuesToErrors } from '../enforcement/formIssues';
import {
  checkInspectionRecord,
  checklistFromClauses,
  toInspectionRecord,
  type InspectionRecordValues,
} from '../enforcement/inspectionForm';
import type { Inspection } from '../enforcement/types';
import { hazardGradeChoices } from '../hazards/hazardChoices';
import { useClauses, useStandards } from '../hazards/HazardInputs';
import type { HazardClause, HazardStandard } from '../hazards/types';
import { FindingPhotos } from './FindingPhotos';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const standardLabel = (standard: HazardStandard, locale: string) =>
  locale === 'en'
    ? `${standard.titleEn} (${standard.instrument})`
    : `${standard.titleZh}（${standard.instrument}）`;

/** Adds checklist lines from a 判定标准 of the catalogue (all its clauses, each judged on site). */
const CatalogueLines = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const { setValue, getValues } = useFormContext<InspectionRecordValues>();
  const [catalogueId, setCatalogueId] = useState('');
  const { data: standards = [], isPending } = useStandards();
  const { data: clauses = [], isFetching } = useClauses(catalogueId || undefined);
  const add = () => {
    const current = getValues('checklist') ?? [];
    const present = new Set(current.map((line) => `${line.catalogueId}/${line.clauseId}`));
    const lines = checklistFromClauses(catalogueId, clauses).filter(
      (line) => !present.has(`${line.catalogueId}/${line.clauseId}`),
    );
    setValue('checklist', [...current, ...lines], { shouldDirty: true });
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
      <TextField
        select
        size="small"
        label={translate('zhiben.enforcement.inspection.catalogue')}
        value={catalogueId}
        onChange={(event) => setCatalogueId(event.target.value)}
        sx={{ minWidth: { xs: '100%', sm: 420 } }}
        disabled={isPending}
        slotProps={{ htmlInput: { 'data-testid': 'checklist-catalogue' } }}
      >
        {standards.map((standard) => (
          <MenuItem key={standard.id} value={standard.id}>
            {standardLabel(standard, locale)}
          </MenuItem>
        ))}
      </TextField>
      <Button
        startIcon={isFetching ? <CircularProgress size={14} /> : <PlaylistAddOutlinedIcon />}
        disabled={!catalogueId || isFetching || clauses.length === 0}
        onClick={add}
        data-testid="checklist-add-clauses"
      >
        {translate('zhiben.enforcement.inspection.addClauses')}
      </Button>
    </Stack>
  );
};

/** Within a checklist line: starts a finding from it (its clause and wording carried over). */
const FindingFromLine = () => {
  const translate = useTranslate();
  const { index } = useSimpleFormIteratorItem();
  const { getValues, setValue } = useFormContext<InspectionRecordValues>();
  const result = useWatch<InspectionRecordValues>({ name: `checklist.${index}.result` });
  if (result !== 'violation') return null;
  const start = () => {
    const line = getValues(`checklist.${index}`);
    const findings = getValues('findings') ?? [];
    setValue(
      'findings',
      [
        ...findings,
        {
          description: line?.item ?? '',
          grade: 'general',
          catalogueId: line?.catalogueId ?? null,
          clauseId: line?.clauseId ?? null,
          location: '',
          photos: [],
          removedOnSpot: false,
          rectifyBy: '',
          stopOrdered: false,
        },
      ],
      { shouldDirty: true },
    );
  };
  return (
    <Button
      size="small"
      startIcon={<AddTaskOutlinedIcon />}
      onClick={start}
      data-testid="checklist-record-finding"
    >
      {translate('zhiben.enforcement.inspection.recordFinding')}
    </Button>
  );
};

/** A finding's 判定标准 and clause (required for a major hazard, as in the hazard register). */
const FindingClause = () => {
  const locale = useLocale();
  const { index } = useSimpleFormIteratorItem();
  const catalogueId = useWatch<InspectionRecordValues>({ name: `findings.${index}.catalogueId` }) as
    string | null | undefined;
  const { data: standards = [], isPending } = useStandards();
  const { data: clauses = [], isPending: clausesPending } = useClauses(catalogueId ?? undefined);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ width: '100%' }}>
      <SelectInput
        source="catalogueId"
        label="resources.hazards.fields.standard"
        choices={standards}
        isPending={isPending}
        optionText={(standard: HazardStandard) => standardLabel(standard, locale)}
        sx={{ minWidth: 280 }}
        helperText={false}
      />
      <AutocompleteInput
        source="clauseId"
        label="zhiben.enforcement.inspection.finding.clause"
        choices={clauses}
        isPending={Boolean(catalogueId) && clausesPending}
        disabled={!catalogueId}
        optionText={(clause: HazardClause) => `${clause.article}${clause.item} ${clause.textZh}`}
        sx={{ minWidth: 320, flex: 1 }}
        helperText={false}
      />
    </Stack>
  );
};

/** The deadline, the on-site stop order and the photos of one finding. */
const FindingOrders = ({ inspectionId }: { inspectionId: string }) => {
  const { index } = useSimpleFormIteratorItem();
  const { setValue } = useFormContext<InspectionRecordValues>();
  const photosSource = useWrappedSource('photos');
  const finding = useWatch<InspectionRecordValues>({ name: `findings.${index}` }) as
    NonNullable<InspectionRecordValues['findings']>[number] | undefined;
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
        <BooleanInput
          source="removedOnSpot"
          label="zhiben.enforcement.inspection.finding.removedOnSpot"
          helperText={false}
        />
        {finding?.removedOnSpot ? null : (
          <DateInput
            source="rectifyBy"
            label="zhiben.enforcement.inspection.finding.rectifyBy"
            helperText={false}
            data-testid={`finding-${index}-rectify-by`}
          />
        )}
        {finding?.grade === 'major' ? (
          <BooleanInput
            source="stopOrdered"
            label="zhiben.enforcement.inspection.finding.stopOrdered"
            helperText={false}
          />
        ) : null}
      </Stack>
      <FindingPhotos
        inspectionId={inspectionId}
        photos={finding?.photos ?? []}
        onChange={(photos) => setValue(photosSource as 'findings', photos as never, { shouldDirty: true })}
        testId={`finding-${index}-photos`}
      />
    </Stack>
  );
};

/** 谁检查、谁签名、谁负责: each inspector confirms the record; the form refuses it unsigned. */
const SignatureLine = ({ index, name }: { index: number; name: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: `inspectors.${index}.signed`, defaultValue: false });
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.value === true}
            onChange={(event) => field.onChange(event.target.checked)}
            slotProps={{ input: { 'data-testid': `signature-${index}` } as Record<string, string> }}
          />
        }
        label={translate('zhiben.enforcement.inspection.signed', { name: name || '—' })}
      />
      {fieldState.error?.message ? (
        <FormHelperText error>
          <ValidationError error={fieldState.error.message} />
        </FormHelperText>
      ) : null}
    </Box>
  );
};

const Signatures = ({ signer }: { signer: string | null }) => {
  const translate = useTranslate();
  const inspectors = (useWatch<InspectionRecordValues>({ name: 'inspectors' }) ?? []) as NonNullable<
    InspectionRecordValues['inspectors']
  >;
  return (
    <Stack data-testid="inspection-signatures">
      <Typography variant="caption" color="text.secondary">
        {translate('zhiben.enforcement.inspection.signatureHelp')}
      </Typography>
      {inspectors.map((inspector, index) =>
        // Each inspector signs in their own session: here, the one signed in.
        signer === null || inspector.username === signer ? (
          <SignatureLine key={index} index={index} name={inspector.name ?? ''} />
        ) : (
          <Typography key={index} variant="body2" color="text.secondary">
            {translate('zhiben.enforcement.inspection.unsigned', { name: inspector.name ?? '' })}
          </Typography>
        ),
      )}
    </Stack>
  );
};

/** Array-level messages (fewer than two inspectors, violations without findings) under the list. */
const ArrayError = ({ source }: { source: string }) => {
  const { formState } = useFormContext();
  const error = (formState.errors as Record<string, { message?: unknown } | undefined>)[source];
  if (!error?.message) return null;
  return (
    <FormHelperText error data-testid={`${source}-error`}>
      <ValidationError error={error.message as ValidationErrorMessage} />
    </FormHelperText>
  );
};

const defaultsOf = (inspection: Inspection): InspectionRecordValues => ({
  inspectedAt: toShanghaiLocalInput(inspection.inspectedAt ?? new Date().toISOString()),
  inspectors: inspection.inspectors.map((inspector) => ({
    username: inspector.username,
    name: inspector.name,
    certificateNo: inspector.certificateNo ?? '',
    signed: false,
  })),
  checklist: inspection.checklist.map((line) => ({
    catalogueId: line.catalogueId,
    clauseId: line.clauseId,
    item: line.item,
    result: line.result,
    note: line.note ?? '',
  })),
  findings: [],
  principalDutiesChecked: inspection.principalDutiesChecked,
  responsiblePersonsChecked: inspection.responsiblePersonsChecked,
});

/**
 * 执法检查记录 (`/inspections/:id/record`): the inspectors, the checklist drawn from the hazard-standard
 * catalogue (合规/违法/不适用 per line), the findings with grade, description, photos, 责令限期整改
 * deadline and on-site stop order, the 两个必查 and each inspector's signature. Submitting it registers
 * the findings as hazards (source 执法检查).
 */
/** A custom route: the form's array inputs need the resource context a <Resource> page would give. */
export const InspectionRecordPage = () => (
  <ResourceContextProvider value="inspections">
    <InspectionRecordForm />
  </ResourceContextProvider>
);

const InspectionRecordForm = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const formatDate = useDateFormat();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const { data: inspection, isPending, error } = useGetOne<Inspection>('inspections', { id });
  const { identity } = useGetIdentity();
  const me = (identity as ConsoleIdentity | undefined)?.username ?? null;

  if (isPending) return <CircularProgress sx={{ mt: 4 }} />;
  if (error || !inspection) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {error instanceof Error ? error.message : translate('ra.page.not_found')}
      </Alert>
    );
  }
  if (inspection.status !== 'planned') {
    return (
      <Alert
        severity="info"
        sx={{ mt: 2 }}
        action={
          <Button component={LinkBase} to={`/inspections/${encodeURIComponent(id)}/show`}>
            {translate('ra.action.show')}
          </Button>
        }
      >
        {translate('zhiben.enforcement.inspection.notPlanned')}
      </Alert>
    );
  }

  // The signed-in user signs here when they are one of the inspectors; the others sign on the record.
  const signer = me !== null && inspection.inspectors.some((i) => i.username === me) ? me : null;
  const validate = (values: Record<string, unknown>) =>
    issuesToErrors(
      checkInspectionRecord(values as InspectionRecordValues, shanghaiToday(), Date.now(), signer ?? ''),
    );

  const save = async (values: Record<string, unknown>) => {
    const body = toInspectionRecord(values as InspectionRecordValues, new Date().toISOString());
    try {
      await dataProvider.recordInspection(id, body, keyFor(body));
      if (signer) await dataProvider.signInspection(id);
      notify('zhiben.enforcement.inspection.submitted', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['inspections'] });
      redirect('show', 'inspections', id);
      return undefined;
    } catch (caught) {
      notify(caught instanceof Error ? caught.message : String(caught), { type: 'error' });
      return submissionErrors(caught);
    }
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="inspection-record-page">
      <Title title={translate('zhiben.enforcement.inspection.recordTitle', { ref: inspection.ref })} />
      <Form defaultValues={defaultsOf(inspection)} validate={validate} onSubmit={save} noValidate>
        <Stack spacing={2}>
          <Section title="zhiben.enforcement.inspection.sections.basics">
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
              <Typography variant="h6" component="h1">
                {inspection.enterprise.name}
              </Typography>
              <InspectionKindChip kind={inspection.kind} />
              <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {inspection.ref}
              </Typography>
              {inspection.plannedOn ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('resources.inspections.fields.plannedOn')} {formatDate(inspection.plannedOn)}
                </Typography>
              ) : null}
            </Stack>
            <TextInput
              source="inspectedAt"
              label="resources.inspections.fields.inspectedAt"
              type="datetime-local"
              validate={required()}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Section>

          <Section title="zhiben.enforcement.inspection.sections.inspectors" testId="record-inspectors">
            <Typography variant="body2">
              {inspection.inspectors
                .map((inspector) =>
                  inspector.certificateNo
                    ? `${inspector.name}（${inspector.certificateNo}）`
                    : inspector.name,
                )
                .join('、')}
            </Typography>
            <ArrayError source="inspectors" />
          </Section>

          <Section title="zhiben.enforcement.inspection.sections.checklist" testId="record-checklist">
            <CatalogueLines />
            <ArrayInput source="checklist" label={false}>
              <SimpleFormIterator inline disableReordering data-testid="checklist-lines">
                <TextInput
                  source="item"
                  label="zhiben.enforcement.inspection.item"
                  multiline
                  sx={{ minWidth: { md: 420 } }}
                  helperText={false}
                />
                <RadioButtonGroupInput
                  source="result"
                  label="zhiben.enforcement.inspection.result"
                  choices={checklistResultChoices}
                  helperText={false}
                />
                <TextInput source="note" label="zhiben.enforcement.inspection.note" helperText={false} />
                <FindingFromLine />
              </SimpleFormIterator>
            </ArrayInput>
            <ArrayError source="checklist" />
          </Section>

          <Section title="zhiben.enforcement.inspection.sections.findings" testId="record-findings">
            <ArrayInput source="findings" label={false}>
              <SimpleFormIterator disableReordering data-testid="finding-items">
                <RadioButtonGroupInput
                  source="grade"
                  label="zhiben.enforcement.inspection.finding.grade"
                  choices={hazardGradeChoices}
                  helperText={false}
                />
                <TextInput
                  source="description"
                  label="zhiben.enforcement.inspection.finding.description"
                  multiline
                  minRows={2}
                  fullWidth
                  helperText={false}
                />
                <TextInput
                  source="location"
                  label="zhiben.enforcement.inspection.finding.location"
                  helperText={false}
                />
                <FindingClause />
                <FindingOrders inspectionId={id} />
              </SimpleFormIterator>
            </ArrayInput>
            <ArrayError source="findings" />
          </Section>

          <Section title="zhiben.enforcement.inspection.sections.mustChecks" testId="record-must-checks">
            <Typography variant="caption" color="text.secondary">
              {translate('zhiben.enforcement.inspection.mustChecksHelp')}
            </Typography>
            <MustCheck
              source="principalDutiesChecked"
              label="zhiben.enforcement.inspection.principalDuties"
            />
            <MustCheck
              source="responsiblePersonsChecked"
              label="zhiben.enforcement.inspection.responsiblePersons"
            />
          </Section>

          <Section title="zhiben.enforcement.inspection.sections.signatures">
            <Signatures signer={signer} />
          </Section>

          <Box>
            <SaveButton
              label="zhiben.enforcement.inspection.submit"
              alwaysEnable
              data-testid="inspection-record-submit"
            />
          </Box>
        </Stack>
      </Form>
    </Box>
  );
};

const MustCheck = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source, defaultValue: false });
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.value === true}
            onChange={(event) => field.onChange(event.target.checked)}
            slotProps={{ input: { 'data-testid': `must-check-${source}` } as Record<string, string> }}
          />
        }
        label={translate(label)}
      />
      {fieldState.error?.message ? (
        <FormHelperText error>
          <ValidationError error={fieldState.error.message} />
        </FormHelperText>
      ) : null}
    </Box>
  );
};
