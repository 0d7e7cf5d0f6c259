import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  CircularProgress,
  FormControlLabel,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, Title, useDataProvider, useTranslate } from 'react-admin';
import { useNow } from '../../fields/useNow';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { OPEN_REFERRAL_STAGES } from '../enforcement/caseProgress';
import { ClockChip } from '../enforcement/DeadlineClock';
import { referralBoardSummary, referralNow } from '../enforcement/deadlineClock';
import type { ReferralBoardRow, ReferralStage } from '../enforcement/types';

const ReferralCard = ({ referral, now }: { referral: ReferralBoardRow; now: number }) => {
  const translate = useTranslate();
  const summary = referralBoardSummary(referral, now);
  return (
    <Card
      variant="outlined"
      sx={{
        borderColor: summary.overdue ? 'error.main' : undefined,
        borderWidth: summary.overdue ? 2 : 1,
        bgcolor: summary.overdue ? 'rgba(211, 47, 47, 0.05)' : undefined,
      }}
      data-testid="board-referral"
      data-id={referral.id}
      data-overdue={summary.overdue ? 'true' : 'false'}
    >
      <CardActionArea component={LinkBase} to={`/referrals/${encodeURIComponent(referral.id)}/show`}>
        <CardContent sx={{ p: 1.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {referral.title}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {referral.referralNo} · {referral.enterprise.name}
          </Typography>
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
            {summary.overdue ? (
              <Chip size="small" color="error" label={translate('zhiben.enforcement.board.overdue')} />
            ) : null}
            {summary.clocks.map(({ kind, deadline, clock }) => (
              <ClockChip
                key={`${kind}-${deadline.startedAt}`}
                clock={clock}
                input={deadline}
                label={translate(`zhiben.enforcement.deadlines.${kind}`)}
                data-testid={`board-clock-${kind}`}
              />
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            {translate('zhiben.enforcement.board.met', { n: summary.met })} ·{' '}
            {translate('zhiben.enforcement.board.breached', { n: summary.breached })}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** 移送看板: open referrals by stage, overdue ones highlighted, every deadline met or breached. */
export const ReferralBoardPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const wallNow = useNow(15_000);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const { data, isPending, error, refetch, isFetching } = useQuery({
    queryKey: ['referrals', 'board'],
    queryFn: ({ signal }) => dataProvider.getReferralBoard(signal),
    refetchInterval: 15_000,
  });
  const now = referralNow(data?.calendarNow, wallNow);
  const referrals = (data?.data ?? []).filter(
    (referral) => !onlyOverdue || referralBoardSummary(referral, now).overdue,
  );
  const byStage = new Map<ReferralStage, ReferralBoardRow[]>();
  for (const referral of referrals) {
    byStage.set(referral.stage, [...(byStage.get(referral.stage) ?? []), referral]);
  }
  const stages = OPEN_REFERRAL_STAGES.filter((stage) => byStage.has(stage));
  return (
    <Box sx={{ mt: 2 }} data-testid="referral-board">
      <Title title={translate('zhiben.enforcement.board.title')} />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          {translate('zhiben.enforcement.board.title')}
        </Typography>
        <FormControlLabel
          control={
            <Switch checked={onlyOverdue} onChange={(event) => setOnlyOverdue(event.target.checked)} />
          }
          label={translate('zhiben.enforcement.board.onlyOverdue')}
        />
        <Button
          startIcon={isFetching ? <CircularProgress size={14} /> : <RefreshIcon />}
          onClick={() => void refetch()}
        >
          {translate('zhiben.enforcement.board.refresh')}
        </Button>
      </Stack>
      {isPending ? <CircularProgress /> : null}
      {error ? (
        <Alert severity="error">
          {translate('zhiben.enforcement.unavailable', {
            message: error instanceof Error ? error.message : String(error),
          })}
        </Alert>
      ) : null}
      {!isPending && !error && stages.length === 0 ? (
        <Typography color="text.secondary" data-testid="board-empty">
          {translate('zhiben.enforcement.board.none')}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, overflowX: 'auto', pb: 2, alignItems: 'flex-start' }}>
        {stages.map((stage) => (
          <Box
            key={stage}
            sx={{ minWidth: 280, maxWidth: 320, flex: '0 0 auto' }}
            data-testid="board-column"
            data-stage={stage}
          >
            <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
              <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
                {translate(`zhiben.enforcement.referralStages.${stage}`)}
              </Typography>
              <Chip
                size="small"
                label={translate('zhiben.enforcement.board.count', { n: byStage.get(stage)!.length })}
              />
            </Stack>
            <Stack spacing={1}>
              {byStage
                .get(stage)!
                .sort(
                  (a, b) =>
                    Number(referralBoardSummary(b, now).overdue) -
                    Number(referralBoardSummary(a, now).overdue),
                )
                .map((referral) => (
                  <ReferralCard key={referral.id} referral={referral} now={now} />
                ))}
            </Stack>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
