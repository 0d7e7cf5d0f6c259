import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Divider,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DEFAULT_CLAIM_CODE_POLICY } from '@zhiben/contracts';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FormIssue } from '../resources/enforcement/formIssues';
import type { PublicCredentials, PublicTipStatusDto } from '../resources/tips/types';
import type { PublicTiplineApi } from '../providers/tiplineApi';
import { claimCodeProblem, normalizeClaimCode } from './claimPolicy';
import { usePublicI18n } from './PublicI18n';
import {
  canClaim,
  canDispute,
  checkClaim,
  checkDispute,
  classifyPublicFailure,
  normalizeAccountNo,
  type ClaimValues,
} from './publicStatus';
import { issuesByField } from './publicTipForm';

const randomKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** One failure of a public call, in the reporter's words (never whether the code exists). */
const useFailureText = () => {
  const { translate, formatDate } = usePublicI18n();
  const policy = DEFAULT_CLAIM_CODE_POLICY;
  return (error: unknown): string => {
    const failure = classifyPublicFailure(error);
    switch (failure.kind) {
      case 'credentials':
        return `${translate('zhiben.tipline.public.errors.credentials')} ${translate(
          'zhiben.tipline.public.errors.attemptsLeft',
          { max: policy.maxFailures, minutes: policy.lockoutMinutes },
        )}`;
      case 'locked':
        return failure.until
          ? translate('zhiben.tipline.public.errors.lockedUntil', { date: formatDate(failure.until, true) })
          : translate('zhiben.tipline.public.errors.locked');
      case 'claimClosed':
        return translate('zhiben.tipline.public.errors.claimClosed');
      case 'rateLimited':
        return translate('zhiben.tipline.public.errors.rateLimited');
      case 'network':
        return translate('zhiben.tipline.public.errors.network');
      case 'other':
        return translate('zhiben.tipline.public.errors.generic', { message: failure.message });
    }
  };
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** 领取奖励: the bank account, sent with the code and password (kept encrypted; never shown back). */
const ClaimForm = ({
  onSubmit,
  onCancel,
}: {
  onSubmit: (values: ClaimValues) => Promise<void>;
  onCancel: () => void;
}) => {
  const { translate } = usePublicI18n();
  const [values, setValues] = useState<ClaimValues>({ payeeName: '', bankName: '', accountNo: '' });
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const byField = issuesByField(attempted ? checkClaim(values) : []);
  const field = (name: keyof ClaimValues, extra: { inputMode?: 'numeric' } = {}) => (
    <TextField
      size="small"
      fullWidth
      required
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      label={translate(`zhiben.tipline.public.fields.${name}`)}
      error={byField[name] !== undefined}
      helperText={byField[name] ? translate(byField[name].key, byField[name].args) : undefined}
      autoComplete="off"
      slotProps={{ htmlInput: { 'data-testid': `public-claim-${name}`, ...extra } }}
    />
  );
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setAttempted(true);
        if (checkClaim(values).length > 0) return;
        setBusy(true);
        void onSubmit({ ...values, accountNo: normalizeAccountNo(values.accountNo) }).finally(() =>
          setBusy(false),
        );
      }}
      data-testid="public-claim-form"
    >
      <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
        {translate('zhiben.tipline.public.claimTitle')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('zhiben.tipline.public.claimHelp')}
      </Typography>
      <Stack spacing={1.5}>
        {field('payeeName')}
        {field('bankName')}
        {field('accountNo', { inputMode: 'numeric' })}
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={busy} data-testid="public-claim-submit">
            {translate('zhiben.tipline.public.claimSubmit')}
          </Button>
          <Button onClick={onCancel}>{translate('zhiben.tipline.public.cancel')}</Button>
        </Stack>
      </Stack>
    </Box>
  );
};

/** 申请复查: the reporter's reasons against an "unsubstantiated" conclusion. */
const DisputeForm = ({
  until,
  onSubmit,
  onCancel,
}: {
  until: string | null;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const { translate, formatDate } = usePublicI18n();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const issue: FormIssue | undefined = attempted ? checkDispute({ reason })[0] : undefined;
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setAttempted(true);
        if (checkDispute({ reason }).length > 0) return;
        setBusy(true);
        void onSubmit(reason.trim()).finally(() => setBusy(false));
      }}
      data-testid="public-dispute-form"
    >
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('zhiben.tipline.public.disputeHelp', { date: formatDate(until, true) })}
      </Typography>
      <Stack spacing={1.5}>
        <TextField
          size="small"
          fullWidth
          multiline
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          label={translate('zhiben.tipline.public.fields.disputeReason')}
          error={issue !== undefined}
          helperText={issue ? translate(issue.key, issue.args) : undefined}
          slotProps={{ htmlInput: { 'data-testid': 'public-dispute-reason' } }}
        />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={busy} data-testid="public-dispute-submit">
            {translate('zhiben.tipline.public.disputeSubmit')}
          </Button>
          <Button onClick={onCancel}>{translate('zhiben.tipline.public.cancel')}</Button>
        </Stack>
      </Stack>
    </Box>
  );
};

const StatusCard = ({
  status,
  credentials,
  api,
  onUpdate,
  onDone,
}: {
  status: PublicTipStatusDto;
  credentials: PublicCredentials;
  api: PublicTiplineApi;
  onUpdate: (next: PublicTipStatusDto | null, notice: string) => Promise<void>;
  onDone: () => void;
}) => {
  const { translate, formatDate, formatYuan, bilingual } = usePublicI18n();
  const failureText = useFailureText();
  const [open, setOpen] = useState<null | 'claim' | 'dispute'>(null);
  const [error, setError] = useState<string | null>(null);
  const claimKey = useRef(randomKey());
  const disputeKey = useRef(randomKey());
  const now = Date.now();
  const reward = status.reward;
  return (
    <Card data-testid="public-status-card" data-status={status.status}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
          <Typography variant="h6" component="h2" sx={{ fontSize: 18, fontWeight: 600 }}>
            {translate(`zhiben.tipline.kinds.${status.kind}`)}
          </Typography>
          <Chip
            color="primary"
            size="small"
            label={bilingual(status.statusLabel.zh, status.statusLabel.en)}
            data-testid="public-status-value"
          />
        </Stack>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ fontFamily: 'monospace' }}
          data-testid="public-status-ref"
        >
          {status.ref}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('zhiben.tipline.public.reportedAt', { date: formatDate(status.receivedAt, true) })}
        </Typography>

        <Section title={translate('zhiben.tipline.public.messages')}>
          {status.messages.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('zhiben.tipline.public.noMessages')}
            </Typography>
          ) : (
            <Stack spacing={1} data-testid="public-status-messages">
              {status.messages.map((message, index) => (
                <Box
                  key={`${message.at}-${index}`}
                  sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1 }}
                >
                  <Typography variant="caption" color="text.secondary">
                    {formatDate(message.at, true)}
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {bilingual(message.zh, message.en)}
                  </Typography>
                </Box>
              ))}
            </Stack>
          )}
        </Section>

        {reward ? (
          <Section title={translate('zhiben.tipline.public.reward')}>
            <Stack spacing={0.5} data-testid="public-reward" data-reward-status={reward.status}>
              <Typography variant="body2">
                {translate(`zhiben.tipline.rewardStatuses.${reward.status}`)}
              </Typography>
              {reward.amountYuan !== null ? (
                <Typography
                  variant="h6"
                  sx={{ fontWeight: 700, color: 'success.dark' }}
                  data-testid="public-reward-amount"
                  data-amount={reward.amountYuan}
                >
                  {translate('zhiben.tipline.public.rewardAmount', { amount: formatYuan(reward.amountYuan) })}
                </Typography>
              ) : null}
              {reward.claimWindowEndsAt && reward.status === 'approved' ? (
                <Typography variant="body2" color="warning.dark">
                  {translate('zhiben.tipline.public.claimBy', {
                    date: formatDate(reward.claimWindowEndsAt, true),
                  })}
                </Typography>
              ) : null}
            </Stack>
          </Section>
        ) : null}

        {error ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="public-action-error">
            {error}
          </Alert>
        ) : null}

        <Divider sx={{ my: 2 }} />
        {open === 'claim' ? (
          <ClaimForm
            onCancel={() => setOpen(null)}
            onSubmit={async (values) => {
              setError(null);
              try {
                const next = await api.claimReward(
                  {
                    ...credentials,
                    payee: {
                      name: values.payeeName.trim(),
                      bankName: values.bankName.trim(),
                      bankAccount: values.accountNo,
                    },
                  },
                  claimKey.current,
                );
                setOpen(null);
                await onUpdate(next, 'zhiben.tipline.public.claimed');
              } catch (failure) {
                setError(failureText(failure));
              }
            }}
          />
        ) : open === 'dispute' ? (
          <DisputeForm
            until={status.dispute.until}
            onCancel={() => setOpen(null)}
            onSubmit={async (reason) => {
              setError(null);
              try {
                const next = await api.dispute({ ...credentials, reason }, disputeKey.current);
                setOpen(null);
                await onUpdate(next, 'zhiben.tipline.public.disputed');
              } catch (failure) {
                setError(failureText(failure));
              }
            }}
          />
        ) : (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            {canClaim(status, now) ? (
              <Button
                variant="contained"
                color="success"
                onClick={() => setOpen('claim')}
                data-testid="public-claim-open"
              >
                {translate('zhiben.tipline.public.claim')}
              </Button>
            ) : null}
            {canDispute(status, now) ? (
              <Button variant="outlined" onClick={() => setOpen('dispute')} data-testid="public-dispute-open">
                {translate('zhiben.tipline.public.dispute')}
              </Button>
            ) : null}
            <Button onClick={onDone} data-testid="public-status-done">
              {translate('zhiben.tipline.public.logout')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/**
 * 查询进度 / 领取奖励: claim code and password → the tip's public status, feedback, the reward with its
 * claim button inside the window, and the 复查 button. A wrong code or password gets one generic answer;
 * a lock-out says until when. The code and password stay in this page's memory only.
 */
export const PublicStatusPage = ({ api }: { api: PublicTiplineApi }) => {
  const { translate } = usePublicI18n();
  const failureText = useFailureText();
  const [claimCode, setClaimCode] = useState('');
  const [password, setPassword] = useState('');
  const [codeIssue, setCodeIssue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<{
    credentials: PublicCredentials;
    status: PublicTipStatusDto;
  } | null>(null);

  const lookUp = async (credentials: PublicCredentials) => {
    setBusy(true);
    setError(null);
    try {
      const status = await api.getStatus(credentials);
      setSession({ credentials, status });
    } catch (failure) {
      setSession(null);
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const problem = claimCodeProblem(claimCode);
    setCodeIssue(problem ? translate(`zhiben.tipline.public.problems.${problem}`) : null);
    if (problem) return;
    if (password === '') {
      setError(translate('zhiben.tipline.public.errors.credentials'));
      return;
    }
    void lookUp({ claimCode: normalizeClaimCode(claimCode), password });
  };

  if (session) {
    return (
      <Stack spacing={2}>
        {notice ? (
          <Alert severity="success" data-testid="public-status-notice">
            {translate(notice)}
          </Alert>
        ) : null}
        <StatusCard
          status={session.status}
          credentials={session.credentials}
          api={api}
          onUpdate={async (next, message) => {
            setNotice(message);
            if (next) {
              setSession({ credentials: session.credentials, status: next });
            } else {
              await lookUp(session.credentials);
            }
          }}
          onDone={() => {
            setSession(null);
            setPassword('');
            setClaimCode('');
            setNotice(null);
          }}
        />
      </Stack>
    );
  }

  return (
    <Card>
      <CardContent>
        <Box component="form" noValidate onSubmit={submit} data-testid="public-status-form">
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('zhiben.tipline.public.statusTitle')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('zhiben.tipline.public.statusHelp')}
          </Typography>
          <Stack spacing={2}>
            <TextField
              size="small"
              fullWidth
              value={claimCode}
              onChange={(event) => setClaimCode(event.target.value)}
              label={translate('zhiben.tipline.public.fields.claimCode')}
              placeholder="XXXX-XXXX-XXXX"
              error={codeIssue !== null}
              helperText={codeIssue ?? undefined}
              autoComplete="off"
              slotProps={{
                htmlInput: {
                  'data-testid': 'public-status-code',
                  autoCapitalize: 'characters',
                  spellCheck: false,
                  style: { fontFamily: 'monospace', letterSpacing: 1 },
                },
              }}
            />
            <TextField
              size="small"
              fullWidth
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              label={translate('zhiben.tipline.public.fields.claimPassword')}
              autoComplete="current-password"
              slotProps={{ htmlInput: { 'data-testid': 'public-status-password' } }}
            />
            {error ? (
              <Alert severity="error" data-testid="public-status-error">
                <AlertTitle sx={{ mb: 0 }}>{error}</AlertTitle>
              </Alert>
            ) : null}
            {busy ? <LinearProgress /> : null}
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy}
              data-testid="public-status-submit"
            >
              {translate(busy ? 'zhiben.tipline.public.querying' : 'zhiben.tipline.public.query')}
            </Button>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
};
