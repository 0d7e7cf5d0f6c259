import { Alert, Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LinkBase, Show, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useObjectUrl } from '../../fields/AuthorizedFile';
import { useDateFormat } from '../../fields/useDateFormat';
import { useNow } from '../../fields/useNow';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { ClockRow } from '../enforcement/DeadlineClock';
import { EnforcementTimeline } from '../enforcement/EnforcementTimeline';
import type { EnforcementEventDto } from '../enforcement/types';
import { Field } from '../hazards/HazardSections';
import { RewardPanel } from './RewardPanel';
import { TipKindChip, TipStatusChip } from './TipChips';
import { tipClocks, tipNow } from './tipClocks';
import { stepsFor } from './tipForms';
import { useTiplineRoles } from './tipRoles';
import { TipStepForm } from './TipStepForm';
import type { Tip, TipStateView } from './types';
import { UnmaskPanel } from './UnmaskPanel';

export const Panel = ({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) => {
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

/** 法定时限: acceptance, verification (60 + 30), feedback (10), the claim window. */
export const TipClocks = ({ tip, calendarNow }: { tip: Tip; calendarNow?: string | null }) => {
  const translate = useTranslate();
  const now = tipNow(calendarNow, useNow(15_000));
  const clocks = tipClocks(tip, now);
  if (clocks.length === 0) return null;
  return (
    <Stack spacing={1} data-testid="tip-clocks">
      {clocks.map(({ kind, input }) => (
        <ClockRow
          key={kind}
          kind={kind}
          label={translate(`zhiben.tipline.deadlines.${kind}`)}
          input={input}
          now={now}
        />
      ))}
    </Stack>
  );
};

const FollowUpLink = ({ tip }: { tip: Tip }) => {
  const translate = useTranslate();
  const followUp = tip.followUp;
  if (!followUp) return null;
  const hazard = followUp.kind === 'hazard';
  return (
    <Button
      component={LinkBase}
      to={
        hazard
          ? `/hazards/${encodeURIComponent(followUp.id)}/show`
          : `/penalty-cases/${encodeURIComponent(followUp.id)}/show`
      }
      size="small"
      data-testid="tip-follow-up"
      data-kind={followUp.kind}
    >
      {translate(hazard ? 'zhiben.tipline.show.openHazard' : 'zhiben.tipline.show.openCase', {
        ref: followUp.ref,
      })}
    </Button>
  );
};

/** A photo of the tip, fetched with the bearer token (tipline-service serves files to officials only). */
const TipPhoto = ({ fileId, load }: { fileId: string; load: (signal: AbortSignal) => Promise<Blob> }) => {
  const { url } = useObjectUrl(['tips', 'files', fileId], load);
  return url ? (
    <Box
      component="a"
      href={url}
      target="_blank"
      rel="noreferrer"
      sx={{
        display: 'block',
        width: 96,
        height: 96,
        borderRadius: 1,
        overflow: 'hidden',
        bgcolor: 'grey.100',
      }}
    >
      <Box component="img" src={url} alt="" sx={{ width: '100%', height: '100%', objectFit: 'cover' }} />
    </Box>
  ) : (
    <Box sx={{ width: 96, height: 96, borderRadius: 1, bgcolor: 'grey.100' }} />
  );
};

const Facts = ({ tip }: { tip: Tip }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const verification = tip.verification;
  return (
    <Box>
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('zhiben.tipline.show.notice')}
      </Alert>
      <Field label={translate('resources.tips.fields.channel')}>
        {translate(`zhiben.tipline.channels.${tip.channel}`)}
      </Field>
      <Field label={translate('resources.tips.fields.receivedAt')}>{formatDate(tip.receivedAt, true)}</Field>
      <Field label={translate('resources.tips.fields.receivingUnit')}>{tip.receivingUnit.name}</Field>
      <Field label={translate('resources.tips.fields.enterprise')}>
        {tip.enterprise ? [tip.enterprise.name, tip.enterprise.creditCode].filter(Boolean).join(' · ') : '—'}
      </Field>
      <Field label={translate('resources.tips.fields.location')}>{tip.location}</Field>
      <Field label={translate('resources.tips.fields.description')} testId="tip-description">
        <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {tip.description}
        </Box>
      </Field>
      {tip.acceptance ? (
        <Field label={translate('zhiben.tipline.show.acceptance')}>
          {`${translate(`zhiben.tipline.decisions.${tip.acceptance.decision}`)} · ${tip.acceptance.by.name} · ${formatDate(tip.acceptance.at, true)}${
            tip.acceptance.reason ? `：${tip.acceptance.reason}` : ''
          }${tip.acceptance.forwardedTo ? ` → ${tip.acceptance.forwardedTo.name}` : ''}`}
        </Field>
      ) : null}
      {verification ? (
        <Field label={translate('zhiben.tipline.show.verification')}>
          {[
            verification.outcome ? translate(`zhiben.tipline.decisions.${verification.outcome}`) : null,
            verification.summary,
            verification.extension
              ? translate('zhiben.tipline.show.extension', {
                  status: translate(`zhiben.tipline.show.extensionStatuses.${verification.extension.status}`),
                  date: formatDate(verification.extension.extendedDueAt, true),
                })
              : null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Field>
      ) : null}
      {tip.feedback?.sentAt ? (
        <Field label={translate('zhiben.tipline.steps.feedback')}>
          {translate('zhiben.tipline.show.feedbackSent', { date: formatDate(tip.feedback.sentAt, true) })}
          {tip.feedback.messageZh ? `：${tip.feedback.messageZh}` : ''}
        </Field>
      ) : null}
      {tip.followUp ? (
        <Field label={translate('zhiben.tipline.show.followUp')}>
          <FollowUpLink tip={tip} />
        </Field>
      ) : null}
      {tip.disputes.length > 0 ? (
        <Field label={translate('zhiben.tipline.show.disputes')}>
          {tip.disputes
            .map(
              (dispute) =>
                `${formatDate(dispute.at, true)} ${dispute.reason}（${translate(`zhiben.tipline.decisions.${dispute.result}`, { _: dispute.result })}）`,
            )
            .join('\n')}
        </Field>
      ) : null}
      <Field label={translate('zhiben.tipline.show.photos')}>
        {tip.photos.length === 0 ? (
          translate('zhiben.tipline.show.noPhotos')
        ) : (
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap data-testid="tip-photos">
            {tip.photos.map((fileId) => (
              <TipPhoto
                key={fileId}
                fileId={fileId}
                load={(signal) => dataProvider.tipFileBlob(fileId, signal)}
              />
            ))}
          </Stack>
        )}
      </Field>
    </Box>
  );
};

/** The workflow's view (open tasks, calendar "now" on scaled clocks); the page works without it. */
export const useTipState = (id: string | undefined) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['tips', id, 'state'],
    queryFn: ({ signal }) => dataProvider.getTipState(id ?? '', signal),
    enabled: Boolean(id),
    refetchInterval: 15_000,
    retry: false,
  });
};

/** The tip with the workflow's open tasks, when the state query answered. */
export const withOpenTasks = (tip: Tip, state: TipStateView | undefined): Tip =>
  state?.openTasks ? { ...tip, openTasks: state.openTasks } : tip;

const TipLayout = () => {
  const record = useRecordContext<Tip>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { roles } = useTiplineRoles();
  const state = useTipState(record?.id);
  if (!record) return null;
  const tip = withOpenTasks(record, state.data);
  const steps = stepsFor(tip, roles);
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 } }} data-testid="tip-show" data-status={tip.status}>
      <Grid size={{ xs: 12 }}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
              <Typography
                variant="h5"
                component="h1"
                sx={{ fontWeight: 600, mr: 1, fontFamily: 'monospace' }}
                data-testid="tip-show-ref"
              >
                {tip.ref}
              </Typography>
              <TipKindChip kind={tip.kind} />
              <TipStatusChip status={tip.status} />
              <Box sx={{ flex: 1 }} />
              {tip.reward ? (
                <Button
                  component={LinkBase}
                  to={`/tips/${encodeURIComponent(tip.id)}/reward`}
                  data-testid="tip-open-reward"
                >
                  {translate('zhiben.tipline.show.openReward')}
                </Button>
              ) : null}
            </Stack>
            <Facts tip={tip} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2}>
          <Panel title="zhiben.tipline.show.steps" testId="tip-steps">
            {steps.length === 0 ? (
              <Typography variant="body2" color="text.secondary" data-testid="tip-no-steps">
                {translate('zhiben.tipline.show.noSteps')}
              </Typography>
            ) : (
              <Stack spacing={3}>
                {steps.map((step) => (
                  <TipStepForm key={step} tip={tip} step={step} />
                ))}
              </Stack>
            )}
          </Panel>
          <Panel title="zhiben.tipline.reward.title">
            <RewardPanel reward={tip.reward} />
          </Panel>
          <Panel title="zhiben.tipline.show.reporter">
            <UnmaskPanel tip={tip} />
          </Panel>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <Panel title="zhiben.tipline.show.clocks">
            <TipClocks tip={tip} calendarNow={state.data?.calendarNow} />
          </Panel>
          <Panel title="zhiben.tipline.show.timeline">
            <EnforcementTimeline
              queryKey={['tips', tip.id, 'timeline']}
              load={(signal) =>
                dataProvider.getTipTimeline(tip.id, signal) as Promise<{ data: EnforcementEventDto[] }>
              }
              testId="tip-timeline"
            />
          </Panel>
        </Stack>
      </Grid>
    </Grid>
  );
};

/** 举报核查 page: the tip (for handlers only), its clocks, the step forms, reward, reporter and history. */
export const TipShow = () => (
  <Show actions={false} component="div" queryOptions={{ refetchInterval: 15_000 }}>
    <TipLayout />
  </Show>
);
