import { Alert, Box, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { RewardDto } from './types';

const yuan = (amount: number) => amount.toLocaleString('zh-CN');

/**
 * The reward as computed by rule (libs/tipline-domain `computeReward`): the amount and every rule line
 * that led to it (share of the fine, minimum, maximum, per-death amounts, exclusions), with the rules'
 * version and jurisdiction; then approval, claim and payment as they happen.
 */
export const RewardPanel = ({ reward }: { reward: RewardDto | null }) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
  if (!reward) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.tipline.reward.noComputation')}
      </Typography>
    );
  }
  const computation = reward.computation;
  const amount = computation?.amountYuan ?? reward.amountYuan;
  return (
    <Stack spacing={1} data-testid="tip-reward" data-reward-status={reward.status}>
      <Stack direction="row" spacing={1} alignItems="baseline" flexWrap="wrap" useFlexGap>
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.tipline.reward.amount')}
        </Typography>
        <Typography
          variant="h5"
          sx={{ fontWeight: 700 }}
          data-testid="tip-reward-amount"
          data-amount={amount ?? ''}
        >
          {amount === null || amount === undefined
            ? '—'
            : translate('zhiben.tipline.reward.yuan', { amount: yuan(amount) })}
        </Typography>
        <Typography variant="body2">{translate(`zhiben.tipline.rewardStatuses.${reward.status}`)}</Typography>
      </Stack>
      {reward.status === 'awaitingFine' ? (
        <Alert severity="info">{translate('zhiben.tipline.reward.awaitingFine')}</Alert>
      ) : null}
      {computation ? (
        <Box>
          <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
            {translate('zhiben.tipline.reward.rules')}
          </Typography>
          <Table size="small" data-testid="tip-reward-lines">
            <TableBody>
              {computation.lines.map((line, index) => (
                <TableRow key={`${line.code}-${index}`} data-code={line.code} data-testid="tip-reward-line">
                  <TableCell sx={{ pl: 0, fontWeight: line.code === 'total' ? 700 : undefined }}>
                    {bilingual(line.zh, line.en)}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', pr: 0 }}>
                    {line.amountYuan === undefined ? '' : yuan(line.amountYuan)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary">
            {translate('zhiben.tipline.reward.rulesVersion', {
              version: computation.rulesVersion,
              jurisdiction: computation.jurisdiction,
            })}
            {computation.subject
              ? ` · ${translate(`zhiben.tipline.rewardSubjects.${computation.subject}`, { _: computation.subject })}`
              : ''}
          </Typography>
          {computation.exclusion ? (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('zhiben.tipline.reward.exclusion')}：
              {translate(`zhiben.tipline.exclusions.${computation.exclusion}`)}
            </Alert>
          ) : null}
        </Box>
      ) : null}
      {reward.approvedBy && reward.approvedAt ? (
        <Typography variant="body2">
          {translate('zhiben.tipline.reward.approvedBy', {
            name: reward.approvedBy.name,
            date: formatDate(reward.approvedAt, true),
          })}
        </Typography>
      ) : null}
      {reward.rejectionReason ? (
        <Typography variant="body2" color="error">
          {translate('zhiben.tipline.reward.rejectionReason', { reason: reward.rejectionReason })}
        </Typography>
      ) : null}
      {reward.claimWindowEndsAt ? (
        <Typography variant="body2">
          {translate('zhiben.tipline.reward.claimWindowEndsAt', {
            date: formatDate(reward.claimWindowEndsAt, true),
          })}
        </Typography>
      ) : null}
      {reward.claimedAt ? (
        <Typography variant="body2" data-testid="tip-reward-claimed">
          {translate('zhiben.tipline.reward.claimedAt', { date: formatDate(reward.claimedAt, true) })}
        </Typography>
      ) : null}
      {reward.paidAt ? (
        <Typography variant="body2">
          {translate('zhiben.tipline.reward.paidAt', { date: formatDate(reward.paidAt, true) })}
        </Typography>
      ) : null}
    </Stack>
  );
};
