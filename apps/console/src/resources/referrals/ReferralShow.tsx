import { Alert, Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, Show, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import { useNow } from '../../fields/useNow';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { ClockRow } from '../enforcement/DeadlineClock';
import { referralClocks } from '../enforcement/deadlineClock';
import { ReferralStageChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import { EnforcementTimeline } from '../enforcement/EnforcementTimeline';
import type { Referral } from '../enforcement/types';
import { Field } from '../hazards/HazardSections';
import { LiaisonForm } from './LiaisonForm';
import { ReferralPackage } from './ReferralPackage';

const Panel = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
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

/** 法定时限: one clock per B7 step (running: time left; met: on time or late; breached: red). */
export const ReferralClocks = ({ referral }: { referral: Referral }) => {
  const translate = useTranslate();
  const now = useNow(15_000);
  const clocks = referralClocks(referral, now);
  if (clocks.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.enforcement.referral.noClocks')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} data-testid="referral-clocks">
      {clocks.map(({ kind, deadline }) => (
        <ClockRow
          key={`${kind}-${deadline.startedAt}`}
          kind={kind}
          label={translate(`zhiben.enforcement.deadlines.${kind}`)}
          input={deadline}
          now={now}
        />
      ))}
    </Stack>
  );
};

/** What the agency, the police and the procuratorate did, in words. */
const Facts = ({ referral }: { referral: Referral }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const at = (iso: string | null | undefined) => formatDate(iso, true);
  const rows: [string, string][] = [];
  const head = referral.headDecision;
  if (head) {
    rows.push([
      'zhiben.enforcement.referral.facts.head',
      head.decision === 'approve'
        ? translate('zhiben.enforcement.referral.facts.approved', { name: head.by.name, at: at(head.at) })
        : translate('zhiben.enforcement.referral.facts.notApproved', {
            name: head.by.name,
            at: at(head.at),
            reasons: head.reasons ?? '—',
          }),
    ]);
  }
  const transfer = referral.transfer;
  if (transfer) {
    const parts = [
      translate('zhiben.enforcement.referral.facts.transferred', {
        at: at(transfer.at),
        unit: transfer.policeUnit,
      }),
    ];
    if (transfer.receivedAt) {
      parts.push(
        translate('zhiben.enforcement.referral.facts.received', {
          at: at(transfer.receivedAt),
          receiptNo: transfer.receiptNo ?? '—',
        }),
      );
    }
    rows.push(['zhiben.enforcement.referral.facts.transfer', parts.join('；')]);
  }
  const police = referral.police;
  if (police?.decision) {
    const parts = [
      police.decision === 'registered'
        ? translate('zhiben.enforcement.referral.facts.registered', { at: at(police.decidedAt) })
        : translate('zhiben.enforcement.referral.facts.declined', {
            at: at(police.decidedAt),
            reasons: police.reasons ?? '—',
          }),
    ];
    if (police.noticeAt) {
      parts.push(
        translate('zhiben.enforcement.referral.facts.notice', {
          at: at(police.noticeAt),
          copied: police.copiedToProcuratorate ? translate('zhiben.enforcement.referral.facts.copied') : '',
        }),
      );
    }
    rows.push(['zhiben.enforcement.referral.facts.police', parts.join('；')]);
  }
  const reconsideration = referral.reconsideration;
  if (reconsideration?.requestedAt) {
    rows.push([
      'zhiben.enforcement.referral.facts.reconsideration',
      [
        `${translate('zhiben.enforcement.referral.fields.requestedAt')} ${at(reconsideration.requestedAt)}`,
        reconsideration.answer
          ? `${translate(`zhiben.enforcement.referral.decisions.${reconsideration.answer}`)} ${at(reconsideration.answeredAt)}`
          : null,
      ]
        .filter(Boolean)
        .join('；'),
    ]);
  }
  const procuratorate = referral.procuratorate;
  if (procuratorate?.requestedAt) {
    rows.push([
      'zhiben.enforcement.referral.facts.procuratorate',
      [
        `${translate('zhiben.enforcement.referral.fields.requestedAt')} ${at(procuratorate.requestedAt)}`,
        procuratorate.outcome
          ? `${translate(`zhiben.enforcement.referral.decisions.${procuratorate.outcome}`)} ${at(procuratorate.at)}`
          : null,
      ]
        .filter(Boolean)
        .join('；'),
    ]);
  }
  if (referral.handedOverAt)
    rows.push(['zhiben.enforcement.referral.facts.handover', at(referral.handedOverAt)]);
  if (referral.outcome) {
    rows.push([
      'zhiben.enforcement.referral.facts.outcome',
      `${translate(`zhiben.enforcement.referral.decisions.${referral.outcome.result}`, { _: referral.outcome.result })} ${at(
        referral.outcome.at,
      )}${referral.outcome.summary ? `：${referral.outcome.summary}` : ''}`,
    ]);
  }
  if (rows.length === 0) return null;
  return (
    <Box data-testid="referral-facts">
      {rows.map(([label, text]) => (
        <Field key={label} label={translate(label)}>
          {text}
        </Field>
      ))}
    </Box>
  );
};

const ReferralLayout = () => {
  const referral = useRecordContext<Referral>();
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { inspect, liaise } = useEnforcementRoles();
  if (!referral) return null;
  const preparing = referral.stage === 'preparing';
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 } }} data-testid="referral-show">
      <Grid size={{ xs: 12 }}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
              <Typography
                variant="h5"
                component="h1"
                sx={{ fontWeight: 600, mr: 1 }}
                data-testid="referral-show-title"
              >
                {referral.title}
              </Typography>
              <ReferralStageChip stage={referral.stage} />
              <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {referral.referralNo}
              </Typography>
              <Box sx={{ flex: 1 }} />
              {referral.caseId ? (
                <Button
                  component={LinkBase}
                  to={`/penalty-cases/${encodeURIComponent(referral.caseId)}/show`}
                >
                  {translate('zhiben.enforcement.task.openCase')}
                </Button>
              ) : null}
            </Stack>
            {referral.overdue ? (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="referral-overdue">
                {translate('zhiben.enforcement.board.overdue')}
              </Alert>
            ) : null}
            <Field label={translate('resources.referrals.fields.suspectedCrime')}>
              {translate(`zhiben.enforcement.crimes.${referral.suspectedCrime}`)}
            </Field>
            <Field label={translate('resources.referrals.fields.enterprise')}>
              {referral.enterprise.name}
            </Field>
            <Field label={translate('resources.referrals.fields.department')}>
              {referral.department.name}
            </Field>
            <Field label={translate('resources.referrals.fields.suspects')}>{referral.suspects}</Field>
            <Field label={translate('resources.referrals.fields.reportedAt')}>
              {formatDate(referral.reportedAt, true)}
            </Field>
            <Facts referral={referral} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2}>
          {liaise && !preparing ? (
            <Panel title="zhiben.enforcement.referral.liaison" testId="referral-liaison">
              <LiaisonForm referral={referral} />
            </Panel>
          ) : null}
          <Panel title="zhiben.enforcement.referral.package">
            <ReferralPackage referral={referral} editable={inspect && preparing} />
          </Panel>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <Panel title="zhiben.enforcement.referral.clocks">
            <ReferralClocks referral={referral} />
          </Panel>
          <Panel title="zhiben.enforcement.referral.timeline">
            <EnforcementTimeline
              queryKey={['referrals', referral.id, 'timeline']}
              load={(signal) => dataProvider.getReferralTimeline(referral.id, signal)}
              testId="referral-timeline"
            />
          </Panel>
        </Stack>
      </Grid>
    </Grid>
  );
};

/** 行刑衔接 case page: a clock per legal step, the five-document package, the liaison form. */
export const ReferralShow = () => (
  <Show actions={false} component="div" queryOptions={{ refetchInterval: 15_000 }}>
    <ReferralLayout />
  </Show>
);
