import { Alert, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { LinkBase, useGetOne, useTranslate } from 'react-admin';
import { ReferralClocks } from '../referrals/ReferralShow';
import { CaseStageChip, ReferralStageChip } from './EnforcementChips';
import type { PenaltyCase, Referral } from './types';

/** Beside a referral task (the head's 3-day decision among them): the referral and its clocks. */
export const ReferralCaseContext = ({ referralId }: { referralId: string }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<Referral>('referrals', { id: referralId });
  if (isPending) return <CircularProgress size={24} />;
  if (error || !data) {
    return (
      <Alert severity="warning">
        {translate('zhiben.task.case.unavailable', { message: error instanceof Error ? error.message : '' })}
      </Alert>
    );
  }
  return (
    <Stack spacing={1} data-testid="referral-case-context">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {data.title}
        </Typography>
        <ReferralStageChip stage={data.stage} />
        <Typography variant="caption" color="text.secondary">
          {translate(`zhiben.enforcement.crimes.${data.suspectedCrime}`)} · {data.enterprise.name}
        </Typography>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {data.documents.length} / 5 · {data.officers.map((officer) => officer.name).join('、')}
      </Typography>
      <ReferralClocks referral={data} />
      <Button
        component={LinkBase}
        to={`/referrals/${encodeURIComponent(referralId)}/show`}
        size="small"
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('zhiben.enforcement.task.openReferral')}
      </Button>
    </Stack>
  );
};

/** Beside a penalty-case task: the case's stage and parties, and the way to its page. */
export const PenaltyCaseContext = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<PenaltyCase>('penalty-cases', { id: caseId });
  if (isPending) return <CircularProgress size={24} />;
  if (error || !data) {
    return (
      <Alert severity="warning">
        {translate('zhiben.task.case.unavailable', { message: error instanceof Error ? error.message : '' })}
      </Alert>
    );
  }
  return (
    <Stack spacing={1} data-testid="penalty-case-context">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {data.title}
        </Typography>
        <CaseStageChip stage={data.stage} />
        <Typography variant="caption" color="text.secondary">
          {data.caseNo} · {data.enterprise.name}
        </Typography>
      </Stack>
      {data.parties.map((party, index) => (
        <Typography key={`${party.kind}-${index}`} variant="body2">
          {translate(`zhiben.enforcement.partyKinds.${party.kind}`)}：{party.name} ·{' '}
          {party.fineYuan.toLocaleString('zh-CN')}
        </Typography>
      ))}
      <Button
        component={LinkBase}
        to={`/penalty-cases/${encodeURIComponent(caseId)}/show`}
        size="small"
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('zhiben.enforcement.task.openCase')}
      </Button>
    </Stack>
  );
};
