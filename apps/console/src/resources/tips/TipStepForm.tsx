import { Box, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { ACCIDENT_GRADES, HAZARD_GRADES, TIP_FEEDBACK_CHANNELS } from '@zhiben/contracts';
import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  CheckboxGroupInput,
  Form,
  RadioButtonGroupInput,
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
import { issuesToErrors } from '../enforcement/formIssues';
import {
  TIP_FORM_DECISIONS,
  checkTipStep,
  emptyTipStepValues,
  toTipStepInput,
  type TipStepValues,
} from './tipForms';
import type { Tip, TipFormStep } from './types';

const F = 'zhiben.tipline.fields';
const text = (name: keyof TipStepValues, extra: Record<string, unknown> = {}) => (
  <TextInput
    key={name}
    source={name}
    label={`${F}.${name}`}
    fullWidth
    data-testid={`tip-step-${name}`}
    {...extra}
  />
);
const long = (name: keyof TipStepValues) => text(name, { multiline: true, minRows: 2 });
const choices = (codes: readonly string[], prefix: string) =>
  codes.map((id) => ({ id, name: `${prefix}.${id}` }));

/** Verification: the conclusion, the facts the reward is computed from, and what to open. */
const VerifyFields = ({ tip }: { tip: Tip }) => {
  const decision = useWatch<TipStepValues>({ name: 'decision' }) as string;
  const followUpKind = useWatch<TipStepValues>({ name: 'followUpKind' }) as string;
  const hazardGrade = useWatch<TipStepValues>({ name: 'hazardGrade' }) as string;
  const firstReporter = useWatch<TipStepValues>({ name: 'firstReporter' }) as boolean;
  const substantiated = decision === 'substantiated';
  return (
    <>
      {long('summary')}
      {substantiated && tip.kind === 'concealedAccident' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          {text('concealedDeaths', { type: 'number', fullWidth: false })}
          <SelectInput
            source="accidentGrade"
            label={`${F}.accidentGrade`}
            choices={choices(ACCIDENT_GRADES, 'zhiben.tipline.accidentGrades')}
            data-testid="tip-step-accidentGrade"
          />
        </Stack>
      ) : null}
      {substantiated && tip.kind !== 'concealedAccident' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          {text('fineYuan', { fullWidth: false })}
          {text('penaltyDecisionNo', { fullWidth: false })}
        </Stack>
      ) : null}
      {substantiated ? (
        <>
          <BooleanInput
            source="firstReporter"
            label={`${F}.firstReporter`}
            data-testid="tip-step-firstReporter"
          />
          {!firstReporter ? text('duplicateOfTipId') : null}
          <RadioButtonGroupInput
            source="followUpKind"
            label={`${F}.followUpKind`}
            choices={choices(['hazard', 'enforcementCase', 'none'], 'zhiben.tipline.followUpKinds')}
            data-testid="tip-step-followUpKind"
          />
          {followUpKind === 'hazard' || followUpKind === 'enforcementCase'
            ? text('enterpriseCreditCode')
            : null}
          {followUpKind === 'hazard' || (substantiated && tip.kind === 'hazard') ? (
            <SelectInput
              source="hazardGrade"
              label={`${F}.hazardGrade`}
              choices={choices(HAZARD_GRADES, 'zhiben.tipline.hazardGrades')}
              data-testid="tip-step-hazardGrade"
            />
          ) : null}
          {followUpKind === 'hazard' ? (
            <>
              {text('hazardTitle')}
              {long('hazardDescription')}
              {text('hazardLocation')}
              {text('foundOn', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
              {hazardGrade === 'major' ? (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                  {text('catalogueId', { fullWidth: false })}
                  {text('clauseId', { fullWidth: false })}
                </Stack>
              ) : null}
            </>
          ) : null}
          {followUpKind === 'enforcementCase' ? (
            <>
              {text('caseTitle')}
              {text('departmentCode')}
            </>
          ) : null}
          {followUpKind === 'none' ? text('reference') : null}
        </>
      ) : null}
    </>
  );
};

const StepFields = ({ step, tip }: { step: TipFormStep; tip: Tip }) => {
  const decision = useWatch<TipStepValues>({ name: 'decision' }) as string;
  switch (step) {
    case 'decideAcceptance':
      return decision === 'forward' ? (
        <>
          {text('forwardToName')}
          {text('forwardToCode')}
          <BooleanInput source="forwardExternal" label={`${F}.forwardExternal`} />
        </>
      ) : null;
    case 'verify':
      return <VerifyFields tip={tip} />;
    case 'feedback':
      return (
        <>
          {long('messageZh')}
          {long('messageEn')}
          <CheckboxGroupInput
            source="channels"
            label={`${F}.channels`}
            choices={choices(TIP_FEEDBACK_CHANNELS, 'zhiben.tipline.feedbackChannels')}
            data-testid="tip-step-channels"
          />
        </>
      );
    case 'recordFine':
      return (
        <>
          {text('fineYuan')}
          {text('penaltyDecisionNo')}
        </>
      );
    case 'payReward':
      return text('voucherNo');
    case 'recheck':
      return long('summary');
    case 'requestExtension':
    case 'approveExtension':
    case 'approveReward':
    case 'breachFollowUp':
      return null;
  }
};

/**
 * One step of the tip, as a form: the decision, the fields that decision needs, the opinion. Checked on
 * the page with the same rules the specs cover; the service checks again and moves the workflow.
 */
export const TipStepForm = ({ tip, step }: { tip: Tip; step: TipFormStep }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const save = async (values: Record<string, unknown>) => {
    const body = toTipStepInput(step, values as unknown as TipStepValues, tip);
    try {
      await dataProvider.recordTipStep(tip.id, step, body, keyFor({ step, body }));
      notify('zhiben.tipline.show.recorded', {
        type: 'success',
        messageArgs: { step: translate(`zhiben.tipline.steps.${step}`) },
      });
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['tips'] });
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  const decisions = TIP_FORM_DECISIONS[step];
  return (
    <Box data-testid="tip-step-form" data-step={step}>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {translate(`zhiben.tipline.steps.${step}`)}
      </Typography>
      <Form
        key={`${step}-${tip.version}`}
        defaultValues={emptyTipStepValues(step, tip)}
        validate={(values) => issuesToErrors(checkTipStep(step, values as unknown as TipStepValues, tip))}
        onSubmit={save}
        noValidate
      >
        <Stack spacing={0.5}>
          {decisions.length > 1 ? (
            <RadioButtonGroupInput
              source="decision"
              label={`${F}.decision`}
              choices={choices(decisions, 'zhiben.tipline.decisions')}
              data-testid="tip-step-decision"
            />
          ) : null}
          <StepFields step={step} tip={tip} />
          {step !== 'verify' && step !== 'recheck' ? long('comment') : text('comment', { multiline: true })}
          <Box>
            <SaveButton
              label={
                step === 'requestExtension'
                  ? 'zhiben.tipline.decisions.request'
                  : 'zhiben.tipline.show.record'
              }
              alwaysEnable
              data-testid="tip-step-submit"
            />
          </Box>
        </Stack>
      </Form>
    </Box>
  );
};
