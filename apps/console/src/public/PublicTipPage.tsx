import AddAPhotoOutlinedIcon from '@mui/icons-material/AddAPhotoOutlined';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { DEFAULT_CLAIM_CODE_POLICY, TIP_KINDS } from '@zhiben/contracts';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { FormIssue } from '../resources/enforcement/formIssues';
import type { PublicTipReceipt } from '../resources/tips/types';
import type { PublicTiplineApi } from '../providers/tiplineApi';
import { formatClaimCode, normalizeClaimCode } from './claimPolicy';
import { usePublicI18n } from './PublicI18n';
import {
  EMPTY_PUBLIC_TIP,
  PUBLIC_PHOTO_TYPES,
  PUBLIC_TIP_LIMITS,
  checkPublicPhotos,
  checkPublicTip,
  issuesByField,
  toPublicSubmission,
  type PublicTipValues,
} from './publicTipForm';
import { PUBLIC_ROUTE_PREFIX, classifyPublicFailure } from './publicStatus';

const randomKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The receipt: the tip's number and, for an anonymous tip, the claim code shown this once. */
const Receipt = ({
  receipt,
  anonymous,
  onAnother,
}: {
  receipt: PublicTipReceipt;
  anonymous: boolean;
  onAnother: () => void;
}) => {
  const { translate } = usePublicI18n();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const code = receipt.claimCode ? formatClaimCode(normalizeClaimCode(receipt.claimCode)) : null;
  return (
    <Card data-testid="public-receipt">
      <CardContent>
        <Alert severity="success" sx={{ mb: 2 }}>
          <AlertTitle>{translate('zhiben.tipline.public.received')}</AlertTitle>
          <span data-testid="public-ref" data-ref={receipt.ref}>
            {translate('zhiben.tipline.public.receivedRef', { ref: receipt.ref })}
          </span>
        </Alert>
        {code ? (
          <Alert severity="warning" icon={false} sx={{ mb: 2 }} data-testid="public-claim-code-box">
            <AlertTitle sx={{ fontWeight: 700 }}>
              {translate('zhiben.tipline.public.claimCodeTitle')}
            </AlertTitle>
            <Typography
              component="div"
              sx={{
                fontFamily: 'monospace',
                fontSize: { xs: 26, sm: 32 },
                fontWeight: 700,
                letterSpacing: 2,
                my: 1,
                userSelect: 'all',
                wordBreak: 'break-all',
              }}
              data-testid="public-claim-code"
              data-code={receipt.claimCode}
            >
              {code}
            </Typography>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('zhiben.tipline.public.claimCodeWarning')}
            </Typography>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Button
                size="small"
                variant="outlined"
                startIcon={<ContentCopyOutlinedIcon />}
                onClick={() => {
                  void navigator.clipboard
                    ?.writeText(code)
                    .then(() => setCopied(true))
                    .catch(() => undefined);
                }}
              >
                {translate(copied ? 'zhiben.tipline.public.copied' : 'zhiben.tipline.public.copy')}
              </Button>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={saved}
                    onChange={(event) => setSaved(event.target.checked)}
                    slotProps={{ input: { 'data-testid': 'public-saved-confirm' } as object }}
                  />
                }
                label={translate('zhiben.tipline.public.savedConfirm')}
              />
            </Stack>
          </Alert>
        ) : null}
        {anonymous ? null : (
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('zhiben.tipline.public.realNameReceived')}
          </Typography>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          {code ? (
            <Button
              variant="contained"
              disabled={!saved}
              href={`${PUBLIC_ROUTE_PREFIX}status`}
              data-testid="public-go-status"
            >
              {translate('zhiben.tipline.public.goStatus')}
            </Button>
          ) : null}
          <Button
            variant="text"
            disabled={code !== null && !saved}
            onClick={onAnother}
            data-testid="public-another"
          >
            {translate('zhiben.tipline.public.another')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/**
 * 我要举报: kind, place, enterprise if known, what is happening, photos, and real name or anonymity. An
 * anonymous reporter chooses a password here; the claim code comes back from the service and is shown
 * once. Everything is checked on the page first (the service checks again).
 */
export const PublicTipPage = ({ api }: { api: PublicTiplineApi }) => {
  const { translate } = usePublicI18n();
  const [values, setValues] = useState<PublicTipValues>(EMPTY_PUBLIC_TIP);
  const [photos, setPhotos] = useState<File[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<null | { done: number; total: number }>(null);
  const [error, setError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<PublicTipReceipt | null>(null);
  const idempotencyKey = useRef(randomKey());
  const uploaded = useRef(new Map<File, string>());
  const fileInput = useRef<HTMLInputElement>(null);

  const issues: FormIssue[] = [...checkPublicTip(values), ...checkPublicPhotos(photos)];
  const byField = issuesByField(issues);
  const helper = (field: string, fallback?: string): string | undefined => {
    const issue = attempted ? byField[field] : undefined;
    if (issue) return translate(issue.key, issue.args);
    if (serverErrors[field]) return serverErrors[field];
    return fallback;
  };
  const invalid = (field: string) =>
    (attempted && byField[field] !== undefined) || serverErrors[field] !== undefined;
  const set =
    <K extends keyof PublicTipValues>(field: K) =>
    (event: ChangeEvent<HTMLInputElement>) => {
      const value = (field === 'anonymous' ? event.target.checked : event.target.value) as PublicTipValues[K];
      setValues((current) => ({ ...current, [field]: value }));
      setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    };
  const text = (
    field: keyof PublicTipValues,
    { helperText, ...props }: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      fullWidth
      size="small"
      value={values[field] as string}
      onChange={set(field)}
      error={invalid(field)}
      label={translate(`zhiben.tipline.public.fields.${field}`)}
      helperText={helper(field, helperText as string | undefined)}
      slotProps={{ htmlInput: { 'data-testid': `public-${field}` } }}
      {...props}
    />
  );

  const addPhotos = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    setPhotos((current) => [...current, ...chosen]);
    event.target.value = '';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (issues.length > 0) {
      setError(translate('zhiben.tipline.public.validation.fixErrors'));
      return;
    }
    setBusy({ done: 0, total: photos.length });
    try {
      // Photos first (each once, even across retries); the tip then names them by id.
      const ids: string[] = [];
      for (const [index, photo] of photos.entries()) {
        let id = uploaded.current.get(photo);
        if (!id) {
          try {
            id = (await api.uploadPhoto(photo)).id;
          } catch (failure) {
            setAttempted(true);
            throw Object.assign(failure instanceof Error ? failure : new Error(String(failure)), {
              photoName: photo.name,
            });
          }
          uploaded.current.set(photo, id);
        }
        ids.push(id);
        setBusy({ done: index + 1, total: photos.length });
      }
      const answer = await api.submitTip(toPublicSubmission(values, ids), idempotencyKey.current);
      // The password leaves the page's memory with the form.
      setValues(EMPTY_PUBLIC_TIP);
      setPhotos([]);
      uploaded.current = new Map();
      setReceipt(answer);
      window.scrollTo({ top: 0 });
    } catch (failure) {
      const body = (failure as { body?: { errors?: Record<string, string | { serverError: string }> } }).body;
      const fieldErrors = Object.fromEntries(
        Object.entries(body?.errors ?? {}).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
      setServerErrors(fieldErrors);
      const kind = classifyPublicFailure(failure).kind;
      const photoName = (failure as { photoName?: string }).photoName;
      setError(
        photoName
          ? translate('zhiben.tipline.public.photoFailed', {
              name: photoName,
              message: failure instanceof Error ? failure.message : String(failure),
            })
          : kind === 'network'
            ? translate('zhiben.tipline.public.errors.network')
            : kind === 'rateLimited' || kind === 'locked'
              ? translate('zhiben.tipline.public.errors.rateLimited')
              : translate('zhiben.tipline.public.errors.generic', {
                  message: failure instanceof Error ? failure.message : String(failure),
                }),
      );
    } finally {
      setBusy(null);
    }
  };

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        anonymous={receipt.anonymous ?? true}
        onAnother={() => {
          idempotencyKey.current = randomKey();
          setReceipt(null);
          setAttempted(false);
        }}
      />
    );
  }

  const policy = DEFAULT_CLAIM_CODE_POLICY;
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} data-testid="public-tip-form">
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('zhiben.tipline.public.sections.what')}
            </Typography>
            <Stack spacing={2}>
              <FormControl error={invalid('kind')}>
                <FormLabel>{translate('zhiben.tipline.public.fields.kind')}</FormLabel>
                <RadioGroup value={values.kind} onChange={set('kind')} data-testid="public-kind">
                  {TIP_KINDS.map((kind) => (
                    <FormControlLabel
                      key={kind}
                      value={kind}
                      control={
                        <Radio
                          size="small"
                          slotProps={{ input: { 'data-testid': `public-kind-${kind}` } as object }}
                        />
                      }
                      label={translate(`zhiben.tipline.kinds.${kind}`)}
                    />
                  ))}
                </RadioGroup>
                {helper('kind') ? <FormHelperText>{helper('kind')}</FormHelperText> : null}
              </FormControl>
              {text('location', {
                required: true,
                helperText: translate('zhiben.tipline.public.fields.locationHelp'),
              })}
              {text('enterpriseName')}
              {text('description', {
                required: true,
                multiline: true,
                minRows: 4,
                helperText: translate('zhiben.tipline.public.fields.descriptionHelp'),
              })}
            </Stack>
          </CardContent>
        </Card>

        <Card>
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('zhiben.tipline.public.sections.photos')}
            </Typography>
            <input
              ref={fileInput}
              type="file"
              accept={PUBLIC_PHOTO_TYPES.join(',')}
              multiple
              hidden
              onChange={addPhotos}
              data-testid="public-photos-input"
            />
            <Button
              variant="outlined"
              startIcon={<AddAPhotoOutlinedIcon />}
              onClick={() => fileInput.current?.click()}
              disabled={photos.length >= PUBLIC_TIP_LIMITS.photosMax}
            >
              {translate('zhiben.tipline.public.fields.photos')}
            </Button>
            <FormHelperText error={invalid('photos')}>
              {helper(
                'photos',
                translate('zhiben.tipline.public.fields.photosHelp', {
                  max: PUBLIC_TIP_LIMITS.photosMax,
                  mb: PUBLIC_TIP_LIMITS.photoMaxBytes / 1024 / 1024,
                }),
              )}
            </FormHelperText>
            <Stack
              direction="row"
              spacing={1}
              useFlexGap
              flexWrap="wrap"
              sx={{ mt: 1 }}
              data-testid="public-photos"
            >
              {photos.map((photo, index) => {
                const issue = byField[`photos.${index}`];
                return (
                  <Chip
                    key={`${photo.name}-${index}`}
                    label={issue ? translate(issue.key, issue.args) : photo.name}
                    color={issue ? 'error' : 'default'}
                    onDelete={() => setPhotos((current) => current.filter((_, i) => i !== index))}
                    sx={{ maxWidth: '100%' }}
                    data-testid="public-photo"
                    data-invalid={issue ? 'true' : 'false'}
                  />
                );
              })}
            </Stack>
          </CardContent>
        </Card>

        <Card>
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('zhiben.tipline.public.sections.who')}
            </Typography>
            <FormControlLabel
              control={
                <Switch
                  checked={values.anonymous}
                  onChange={set('anonymous')}
                  slotProps={{ input: { 'data-testid': 'public-anonymous' } as object }}
                />
              }
              label={translate('zhiben.tipline.public.fields.anonymous')}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate(
                values.anonymous
                  ? 'zhiben.tipline.public.fields.anonymousHelp'
                  : 'zhiben.tipline.public.fields.realNameHelp',
              )}
            </Typography>
            <Stack spacing={2}>
              {values.anonymous ? null : (
                <>
                  {text('name', { required: true, autoComplete: 'name' })}
                  {text('phone', { required: true, type: 'tel', autoComplete: 'tel' })}
                  {text('idNumber', { required: true, autoComplete: 'off' })}
                </>
              )}
              {text('password', {
                type: 'password',
                required: true,
                autoComplete: 'new-password',
                helperText: translate('zhiben.tipline.public.fields.passwordHelp', {
                  min: policy.passwordMinLength,
                  max: policy.passwordMaxLength,
                }),
              })}
              {text('passwordConfirm', { type: 'password', required: true, autoComplete: 'new-password' })}
            </Stack>
          </CardContent>
        </Card>

        {error ? (
          <Alert severity="error" data-testid="public-tip-error">
            {error}
          </Alert>
        ) : null}
        {busy ? (
          <Box>
            <LinearProgress />
            {busy.total > 0 ? (
              <Typography variant="caption">{translate('zhiben.tipline.public.uploading', busy)}</Typography>
            ) : null}
          </Box>
        ) : null}
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy !== null}
          fullWidth
          data-testid="public-submit"
        >
          {translate(busy ? 'zhiben.tipline.public.submitting' : 'zhiben.tipline.public.submit')}
        </Button>
      </Stack>
    </Box>
  );
};
