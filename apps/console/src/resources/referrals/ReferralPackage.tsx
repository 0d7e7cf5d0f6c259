import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  CircularProgress,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import {
  Form,
  SaveButton,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useLocale,
  useNotify,
  useRefresh,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { downloadBlob } from '../../fields/AuthorizedFile';
import { checkFile, formatBytes } from '../../fields/files';
import { toShanghaiLocalInput } from '../../fields/shanghaiTime';
import { useIdempotencyKey } from '../../fields/submission';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { isHttpError } from '../../providers/httpClient';
import type { ProblemErrorBody } from '../../providers/problem';
import { issuesToErrors } from '../enforcement/formIssues';
import { checkPackage, problemFieldMessages, type PackageValues } from '../enforcement/referralForms';
import { fromShanghaiLocalInput } from '../../fields/shanghaiTime';
import { REFERRAL_DOCUMENT_KINDS, type Referral, type ReferralDocumentKind } from '../enforcement/types';
import { PeopleInputs } from '../inspections/InspectorInputs';

/** What a referral document may be (checked by content on the server as well). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const DocumentRow = ({
  referral,
  kind,
  editable,
  flagged,
}: {
  referral: Referral;
  kind: ReferralDocumentKind;
  editable: boolean;
  flagged: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const documents = referral.documents.filter((document) => document.kind === kind);
  const missing = referral.missingDocuments.includes(kind) || documents.length === 0;
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkFile(file, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES);
    if (problem) {
      notify(problem.key, { type: 'warning', messageArgs: problem.args });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.uploadReferralDocument(referral.id, kind, file);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const red = missing && flagged;
  return (
    <ListItem
      divider
      sx={{ alignItems: 'flex-start', bgcolor: red ? 'rgba(211, 47, 47, 0.06)' : undefined }}
      data-testid="referral-document"
      data-kind={kind}
      data-state={missing ? 'missing' : 'uploaded'}
      secondaryAction={
        editable ? (
          <Button
            size="small"
            startIcon={busy ? <CircularProgress size={14} /> : <CloudUploadOutlinedIcon />}
            disabled={busy}
            onClick={() => input.current?.click()}
            data-testid={`referral-upload-${kind}`}
          >
            {translate('zhiben.enforcement.referral.upload')}
          </Button>
        ) : undefined
      }
    >
      <Stack spacing={0.25} sx={{ pr: 12 }}>
        <Stack direction="row" spacing={1} alignItems="center">
          {missing ? (
            <ErrorOutlineIcon fontSize="small" color={red ? 'error' : 'disabled'} />
          ) : (
            <CheckCircleOutlineIcon fontSize="small" color="success" />
          )}
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate(`zhiben.enforcement.documents.${kind}`)}
          </Typography>
          <Typography variant="caption" color={red ? 'error' : 'text.secondary'}>
            {translate(
              missing ? 'zhiben.enforcement.referral.missing' : 'zhiben.enforcement.referral.uploaded',
            )}
          </Typography>
        </Stack>
        {documents.map((document) => (
          <Button
            key={document.id}
            size="small"
            sx={{ justifyContent: 'flex-start', textTransform: 'none', pl: 3.5 }}
            onClick={() =>
              void dataProvider
                .enforcementFileBlob(document.id)
                .then((blob) => downloadBlob(blob, document.fileName))
                .catch((error: unknown) =>
                  notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
                )
            }
          >
            {document.fileName} · {formatBytes(document.size)} · {document.uploadedBy}
          </Button>
        ))}
      </Stack>
      <input
        ref={input}
        type="file"
        accept={DOCUMENT_TYPES.join(',')}
        hidden
        onChange={(event) => void upload(event)}
        data-testid={`referral-upload-${kind}-input`}
      />
    </ListItem>
  );
};

/**
 * 移送材料: the five documents (uploaded one by one, per kind), the team of officers and the report
 * date, then 提交. The server's 400 is listed line by line (each missing document by name, fewer than
 * two officers, a date out of order) and the missing documents turn red.
 */
export const ReferralPackage = ({ referral, editable }: { referral: Referral; editable: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const keyFor = useIdempotencyKey();
  const { identity } = useGetIdentity();
  const me = identity as ConsoleIdentity | undefined;
  const [refusal, setRefusal] = useState<{
    message: string;
    lines: ReturnType<typeof problemFieldMessages>;
  } | null>(null);
  const [tried, setTried] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    const v = values as PackageValues;
    setTried(true);
    const body = {
      reportedAt: fromShanghaiLocalInput(v.reportedAt ?? '') ?? '',
      officers: (v.officers ?? [])
        .filter((o) => o.username?.trim())
        .map((o) => ({ username: o.username!.trim(), name: o.name?.trim() ?? '' })),
    };
    try {
      await dataProvider.submitReferral(referral.id, body, keyFor(body));
      setRefusal(null);
      notify('zhiben.enforcement.referral.submitted', { type: 'success' });
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      return undefined;
    } catch (error) {
      const body = isHttpError(error)
        ? ((error as HttpError).body as ProblemErrorBody | undefined)
        : undefined;
      const message = error instanceof Error ? error.message : String(error);
      setRefusal({ message, lines: problemFieldMessages(body, locale) });
      return { ...(body?.errors ?? {}), root: { serverError: message } };
    }
  };

  const flaggedKinds = new Set(refusal?.lines.map((line) => line.documentKind).filter(Boolean));
  const officers =
    referral.officers.length > 0
      ? referral.officers.map((o) => ({ username: o.username, name: o.name }))
      : [
          { username: me?.username ?? '', name: me?.fullName ?? '' },
          { username: '', name: '' },
        ];
  return (
    <Box data-testid="referral-package">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('zhiben.enforcement.referral.documents')}
      </Typography>
      <List dense disablePadding data-testid="referral-documents">
        {REFERRAL_DOCUMENT_KINDS.map((kind) => (
          <DocumentRow
            key={kind}
            referral={referral}
            kind={kind}
            editable={editable}
            flagged={tried || flaggedKinds.has(kind)}
          />
        ))}
      </List>
      {editable ? (
        <Form
          // Its own record: the referral in the page's record context has `reportedAt: null`, which would
          // win over the default (now) and leave the field empty.
          record={{ reportedAt: toShanghaiLocalInput(new Date().toISOString()), officers }}
          // Documents are not part of the form: the server is asked even with some missing, so its
          // refusal names them; the client checks the rest first.
          validate={(values) =>
            issuesToErrors(
              checkPackage(values as PackageValues, []).filter(
                (issue) => !issue.path.startsWith('documents'),
              ),
            )
          }
          onSubmit={submit}
          noValidate
        >
          <Stack spacing={1} sx={{ mt: 2 }}>
            <PeopleInputs
              source="officers"
              label="zhiben.enforcement.referral.officers"
              testId="referral-officers"
            />
            <TextInput
              source="reportedAt"
              label="zhiben.enforcement.referral.reportedAt"
              type="datetime-local"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {refusal ? (
              <Alert severity="error" data-testid="referral-submit-errors">
                <AlertTitle>
                  {translate('zhiben.enforcement.referral.rejected')} {refusal.message}
                </AlertTitle>
                {refusal.lines.length > 0 ? (
                  <Box component="ul" sx={{ m: 0, pl: 2 }}>
                    {refusal.lines.map((line, index) => (
                      <li
                        key={`${line.path}-${index}`}
                        data-testid="referral-submit-error"
                        data-path={line.path}
                      >
                        {line.message}
                      </li>
                    ))}
                  </Box>
                ) : null}
              </Alert>
            ) : null}
            <Typography variant="caption" color="text.secondary">
              {translate('zhiben.enforcement.referral.submitHelp')}
            </Typography>
            <Box>
              <SaveButton
                label="zhiben.enforcement.referral.submit"
                icon={<SendOutlinedIcon />}
                alwaysEnable
                data-testid="referral-submit"
              />
            </Box>
          </Stack>
        </Form>
      ) : null}
    </Box>
  );
};
