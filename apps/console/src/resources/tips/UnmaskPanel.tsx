import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import { Alert, Box, Button, Chip, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useIdempotencyKey } from '../../fields/submission';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { ConsoleIdentity } from '../../providers/authProvider';
import { useTiplineRoles } from './tipRoles';
import type { ReporterIdentity, Tip, UnmaskRequest } from './types';
import { canDecideUnmask, checkUnmaskReason, unmaskState } from './unmask';

const UNMASK_KEY = ['tips', 'unmask-requests'];

/** Approve or reject one request (reject needs a reason). */
export const UnmaskDecision = ({ request }: { request: UnmaskRequest }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      dataProvider.decideUnmask(request.id, approve ? 'approve' : 'reject', approve ? '' : reason.trim()),
    onSuccess: async (_answer, approve) => {
      notify(approve ? 'zhiben.tipline.unmask.approved' : 'zhiben.tipline.unmask.rejected', {
        type: 'success',
      });
      await queryClient.invalidateQueries({ queryKey: UNMASK_KEY });
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
  });
  const issue = checkUnmaskReason(reason)[0];
  return (
    <Stack spacing={1} data-testid="unmask-decision">
      {rejecting ? (
        <TextField
          size="small"
          fullWidth
          multiline
          label={translate('zhiben.tipline.unmask.rejectReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reason !== '' && issue !== undefined}
          helperText={reason !== '' && issue ? translate(issue.key) : undefined}
          slotProps={{ htmlInput: { 'data-testid': 'unmask-reject-reason' } }}
        />
      ) : null}
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          size="small"
          disabled={decide.isPending}
          onClick={() => decide.mutate(true)}
          data-testid="unmask-approve"
        >
          {translate('zhiben.tipline.unmask.approve')}
        </Button>
        <Button
          size="small"
          color="error"
          disabled={decide.isPending || (rejecting && issue !== undefined)}
          onClick={() => (rejecting ? decide.mutate(false) : setRejecting(true))}
          data-testid="unmask-reject"
        >
          {translate('zhiben.tipline.unmask.reject')}
        </Button>
      </Stack>
    </Stack>
  );
};

export const UnmaskRequestRow = ({
  request,
  showTip = false,
}: {
  request: UnmaskRequest;
  showTip?: boolean;
}) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const { approve } = useTiplineRoles();
  const { identity } = useGetIdentity();
  const username = (identity as ConsoleIdentity | undefined)?.username ?? '';
  return (
    <Box
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
      data-testid="unmask-request"
      data-status={request.status}
    >
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Chip
          size="small"
          color={
            request.status === 'approved' ? 'success' : request.status === 'rejected' ? 'default' : 'warning'
          }
          label={translate(`zhiben.tipline.unmask.statuses.${request.status}`)}
        />
        {showTip ? (
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {translate('zhiben.tipline.unmask.tip')} {request.tipRef ?? request.tipId}
          </Typography>
        ) : null}
        <Typography variant="caption" color="text.secondary">
          {translate('zhiben.tipline.unmask.requestedBy', {
            name: request.requestedBy.name,
            date: formatDate(request.createdAt, true),
          })}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ my: 1, whiteSpace: 'pre-wrap' }}>
        {request.reason}
      </Typography>
      {canDecideUnmask(request, username, approve) ? (
        <UnmaskDecision request={request} />
      ) : request.status === 'pending' && approve ? (
        <Typography variant="caption" color="text.secondary">
          {translate('zhiben.tipline.unmask.ownRequestNotice')}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * The identity, once approved, to the requester only: shown on demand (each read audited by the vault),
 * with the audit notice; hidden again with one click and never cached.
 */
const IdentityView = ({ request }: { request: UnmaskRequest }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [shown, setShown] = useState(false);
  const query = useQuery<ReporterIdentity>({
    queryKey: ['tips', 'unmask-requests', request.id, 'identity'],
    queryFn: ({ signal }) => dataProvider.getReporterIdentity(request.id, signal),
    enabled: shown,
    retry: false,
    gcTime: 0,
    staleTime: 0,
  });
  if (!shown) {
    return (
      <Button
        variant="outlined"
        startIcon={<LockOpenOutlinedIcon />}
        onClick={() => setShown(true)}
        data-testid="unmask-show"
      >
        {translate('zhiben.tipline.unmask.show')}
      </Button>
    );
  }
  if (query.isPending) return <CircularProgress size={24} />;
  if (query.isError) {
    return (
      <Alert severity="warning" data-testid="unmask-not-approved">
        {translate('zhiben.tipline.unmask.notApproved')}
      </Alert>
    );
  }
  const rows: [string, string | null | undefined][] = [
    ['name', query.data.name],
    ['phone', query.data.phone],
    ['idNumber', query.data.idNumber],
    ['bankName', query.data.bankName],
    ['bankAccount', query.data.bankAccount],
  ];
  return (
    <Stack spacing={1} data-testid="unmask-identity">
      <Alert severity="warning" data-testid="unmask-audit-notice">
        {translate('zhiben.tipline.unmask.auditNotice')}
      </Alert>
      {rows
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <Stack key={key} direction="row" spacing={2}>
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: '6em' }}>
              {translate(`zhiben.tipline.unmask.${key}`)}
            </Typography>
            <Typography variant="body2" data-testid={`unmask-${key}`}>
              {value}
            </Typography>
          </Stack>
        ))}
      <Box>
        <Button size="small" onClick={() => setShown(false)} data-testid="unmask-hide">
          {translate('zhiben.tipline.unmask.hide')}
        </Button>
      </Box>
    </Stack>
  );
};

/**
 * 举报人: the pseudonym; for a handler, the request to see the identity (reason required); for a leader, the
 * decision on pending requests; after an approval, the identity on demand with the audit notice.
 */
export const UnmaskPanel = ({ tip }: { tip: Tip }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const { handle, approve } = useTiplineRoles();
  const { identity } = useGetIdentity();
  const username = (identity as ConsoleIdentity | undefined)?.username ?? '';
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const requests = useQuery({
    queryKey: [...UNMASK_KEY, tip.id],
    queryFn: ({ signal }) => dataProvider.listUnmaskRequests({ tipId: tip.id }, signal).then((r) => r.data),
    retry: false,
  });
  const request = useMutation({
    mutationFn: () =>
      dataProvider.requestUnmask(tip.id, reason.trim(), keyFor({ tip: tip.id, reason: reason.trim() })),
    onSuccess: async () => {
      notify('zhiben.tipline.unmask.requested', { type: 'success' });
      setReason('');
      setAttempted(false);
      await queryClient.invalidateQueries({ queryKey: UNMASK_KEY });
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
  });
  const list = requests.data ?? [];
  const state = unmaskState(list);
  const mine = list.find((item) => item.status === 'approved' && item.requestedBy.username === username);
  const issue = attempted ? checkUnmaskReason(reason)[0] : undefined;
  return (
    <Stack spacing={1.5} data-testid="tip-reporter">
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }} data-testid="tip-reporter-id">
          {tip.reporterId}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={translate(
            tip.anonymous ? 'zhiben.tipline.queue.anonymous' : 'zhiben.tipline.queue.realName',
          )}
        />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('zhiben.tipline.show.reporterNote')}
      </Typography>
      {mine ? <IdentityView request={mine} /> : null}
      {(handle || approve) && !state.pending && !mine ? (
        <Box data-testid="unmask-request-form">
          <TextField
            size="small"
            fullWidth
            multiline
            minRows={2}
            label={translate('zhiben.tipline.unmask.reason')}
            helperText={issue ? translate(issue.key) : translate('zhiben.tipline.unmask.reasonHelp')}
            error={issue !== undefined}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'unmask-reason' } }}
          />
          <Button
            sx={{ mt: 1 }}
            variant="outlined"
            disabled={request.isPending}
            onClick={() => {
              setAttempted(true);
              if (checkUnmaskReason(reason).length === 0) request.mutate();
            }}
            data-testid="unmask-submit"
          >
            {translate('zhiben.tipline.unmask.request')}
          </Button>
        </Box>
      ) : null}
      {list.length > 0 ? (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{translate('zhiben.tipline.unmask.history')}</Typography>
          {list.map((item) => (
            <UnmaskRequestRow key={item.id} request={item} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
};
