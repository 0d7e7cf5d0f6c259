import { Alert, Box, Button, CircularProgress, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  LinkBase,
  List,
  Title,
  useGetOne,
  useParams,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import { RewardPanel } from './RewardPanel';
import { TipKindChip, TipStatusChip } from './TipChips';
import { Panel, TipClocks, useTipState, withOpenTasks } from './TipShow';
import { stepsFor } from './tipForms';
import { useTiplineRoles } from './tipRoles';
import { TipStepForm } from './TipStepForm';
import type { Tip } from './types';

const AmountCell = () => {
  const tip = useRecordContext<Tip>();
  const translate = useTranslate();
  const amount = tip?.reward?.computation?.amountYuan ?? tip?.reward?.amountYuan;
  if (amount === null || amount === undefined) return <>—</>;
  return <>{translate('zhiben.tipline.reward.yuan', { amount: amount.toLocaleString('zh-CN') })}</>;
};

const RefCell = () => {
  const tip = useRecordContext<Tip>();
  if (!tip) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Typography variant="body2" sx={{ fontFamily: 'monospace' }} data-testid="reward-row-ref">
        {tip.ref}
      </Typography>
      <TipKindChip kind={tip.kind} />
    </Stack>
  );
};

const Column = DataTable.Col<Tip>;

/** 奖励审批: the tips whose reward is computed and awaits the leader's approval. */
export const RewardApprovalList = () => (
  <List
    resource="tips"
    filter={{ status: 'rewardAssessment' }}
    title="zhiben.tipline.reward.listTitle"
    perPage={25}
    exporter={false}
    disableSyncWithLocation
    empty={false}
  >
    <DataTable
      rowClick={(id) => `/tips/${encodeURIComponent(String(id))}/reward`}
      bulkActionButtons={false}
      data-testid="reward-list"
    >
      <Column source="ref">
        <RefCell />
      </Column>
      <Column source="receivedAt" disableSort>
        <DateField source="receivedAt" showTime />
      </Column>
      <Column source="enterprise.name" disableSort />
      <Column source="reward" disableSort label="zhiben.tipline.reward.amount">
        <AmountCell />
      </Column>
    </DataTable>
  </List>
);

/**
 * The reward approval page: the verified facts the amount rests on, the rule lines `computeReward` wrote
 * (share of the fine, minimum and maximum, per-death amounts, exclusions), and the approve/reject form for
 * the leader. The approved amount is the computed one; a wrong computation goes back to the facts.
 */
export const RewardApprovalPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const { roles } = useTiplineRoles();
  const { data: record, isPending, error } = useGetOne<Tip>('tips', { id }, { refetchInterval: 15_000 });
  const state = useTipState(id);
  const tip = record ? withOpenTasks(record, state.data) : undefined;
  if (isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  if (error || !tip) {
    return (
      <Alert severity="warning" sx={{ m: 2 }}>
        {translate('zhiben.tipline.show.unavailable', {
          message: error instanceof Error ? error.message : '',
        })}
      </Alert>
    );
  }
  const approval = stepsFor(tip, roles).filter((step) => step === 'approveReward');
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }} data-testid="reward-approval" data-status={tip.status}>
      <Title title={translate('zhiben.tipline.reward.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <Panel title="zhiben.tipline.reward.title">
              <Stack
                direction="row"
                spacing={1}
                alignItems="center"
                flexWrap="wrap"
                useFlexGap
                sx={{ mb: 1 }}
              >
                <Typography variant="h6" sx={{ fontFamily: 'monospace' }}>
                  {tip.ref}
                </Typography>
                <TipKindChip kind={tip.kind} />
                <TipStatusChip status={tip.status} />
                <Box sx={{ flex: 1 }} />
                <Button component={LinkBase} to={`/tips/${encodeURIComponent(tip.id)}/show`} size="small">
                  {translate('zhiben.tipline.show.backToTip')}
                </Button>
              </Stack>
              {tip.verification?.summary ? (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {translate('zhiben.tipline.show.verification')}：{tip.verification.summary}
                  {tip.verification.verifiedAt ? `（${formatDate(tip.verification.verifiedAt, true)}）` : ''}
                </Typography>
              ) : null}
              {tip.followUp ? (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {translate('zhiben.tipline.show.followUp')}：{tip.followUp.ref}
                </Typography>
              ) : null}
              <RewardPanel reward={tip.reward} />
            </Panel>
            {approval.length > 0 ? (
              <Panel title="zhiben.tipline.steps.approveReward" testId="reward-approval-form">
                <Alert severity="info" sx={{ mb: 1 }}>
                  {translate('zhiben.tipline.reward.approveNotice')}
                </Alert>
                <TipStepForm tip={tip} step="approveReward" />
              </Panel>
            ) : null}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Panel title="zhiben.tipline.show.clocks">
            <TipClocks tip={tip} calendarNow={state.data?.calendarNow} />
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
};
