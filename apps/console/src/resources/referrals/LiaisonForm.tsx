import { Box, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  Form,
  RadioButtonGroupInput,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { issuesToErrors } from '../enforcement/formIssues';
import {
  LIAISON_STEPS,
  checkLiaison,
  currentLiaisonStep,
  earliestFor,
  toLiaisonInput,
  visibleFields,
  type LiaisonStep,
  type LiaisonValues,
} from '../enforcement/referralForms';
import type { Referral } from '../enforcement/types';

const StepFields = ({ step }: { step: LiaisonStep }) => {
  const decision = useWatch<LiaisonValues>({ name: 'decision' }) as string | undefined;
  const definition = LIAISON_STEPS[step];
  return (
    <>
      {visibleFields(step, decision).map((field) => {
        const label = `zhiben.enforcement.referral.fields.${field.name}`;
        const source = `data.${field.name}`;
        const testId = `liaison-${field.name}`;
        switch (field.kind) {
          case 'instant':
            return (
              <TextInput
                key={field.name}
                source={source}
                label={label}
                type="datetime-local"
                slotProps={{ inputLabel: { shrink: true } }}
                data-testid={testId}
              />
            );
          case 'checkbox':
            return <BooleanInput key={field.name} source={source} label={label} data-testid={testId} />;
          case 'longText':
            return (
              <TextInput
                key={field.name}
                source={source}
                label={label}
                multiline
                minRows={2}
                fullWidth
                data-testid={testId}
              />
            );
          case 'text':
            return <TextInput key={field.name} source={source} label={label} data-testid={testId} />;
        }
      })}
      <TextInput
        source="comment"
        label="zhiben.enforcement.referral.comment"
        multiline
        minRows={2}
        fullWidth
        helperText={
          decision && definition.commentRequiredFor?.includes(decision)
            ? 'zhiben.enforcement.validation.reasonsRequired'
            : false
        }
        data-testid="liaison-comment"
      />
    </>
  );
};

/**
 * 联络员登记: the police's and the procuratorate's answers, one step at a time as the referral reaches it
 * (移送, 签收, 立案与否, 书面通知抄送检察院, 复议, 检察院监督, 移交, 结果). Dates may not precede the step
 * they answer; the workflow checks the same and moves the clocks.
 */
export const LiaisonForm = ({ referral }: { referral: Referral }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const step = currentLiaisonStep(referral);
  if (!step) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="liaison-none">
        {translate(
          referral.stage === 'headDecision'
            ? 'zhiben.enforcement.referral.headDecisionInbox'
            : 'zhiben.enforcement.referral.liaisonNone',
        )}
      </Typography>
    );
  }
  const definition = LIAISON_STEPS[step];
  const earliest = earliestFor(step, referral);
  const save = async (values: Record<string, unknown>) => {
    const body = toLiaisonInput(step, values as LiaisonValues);
    try {
      await dataProvider.recordReferralStep(referral.id, step, body, keyFor({ step, body }));
      notify('zhiben.enforcement.referral.recorded', {
        type: 'success',
        messageArgs: { step: translate(`zhiben.enforcement.referral.steps.${step}`) },
      });
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  return (
    <Box data-testid="liaison-form" data-step={step}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate(`zhiben.enforcement.referral.steps.${step}`)}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {translate('zhiben.enforcement.referral.liaisonHelp')}
        {earliest
          ? ` ${translate('zhiben.enforcement.validation.notBefore', { at: formatDate(earliest, true) })}`
          : ''}
      </Typography>
      <Form
        key={step}
        defaultValues={{
          decision: definition.decisions.length === 1 ? definition.decisions[0] : '',
          comment: '',
          data: step === 'recordPoliceNotice' ? { copiedToProcuratorate: false } : {},
        }}
        validate={(values) => issuesToErrors(checkLiaison(step, values as LiaisonValues, referral))}
        onSubmit={save}
        noValidate
      >
        <Stack spacing={0.5}>
          <RadioButtonGroupInput
            source="decision"
            label="zhiben.task.decide.decision"
            choices={definition.decisions.map((code) => ({
              id: code,
              name: `zhiben.enforcement.referral.decisions.${code}`,
            }))}
            data-testid="liaison-decision"
          />
          <StepFields step={step} />
          <Box>
            <SaveButton
              label="zhiben.enforcement.referral.record"
              alwaysEnable
              data-testid="liaison-submit"
            />
          </Box>
        </Stack>
      </Form>
    </Box>
  );
};
