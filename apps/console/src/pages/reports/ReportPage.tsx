import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  FormControlLabel,
  Link,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { LinkBase, Title, useDataProvider, useLocale, useNotify, useParams, useTranslate } from 'react-admin';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { ProblemErrorBody } from '../../providers/problem';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { isHttpError } from '../../providers/httpClient';
import {
  checkReportValues,
  formatValue,
  initialValues,
  keptPrefilledRows,
  parseValue,
  REPORT_CHIP_COLORS,
  reportChip,
  rowsBySection,
  rowValueType,
  splitServerErrors,
  type ReportValues,
} from '../../resources/campaigns/reportForm';
import type { ReportRow, ReportSubmission } from '../../resources/campaigns/types';

export const reportQueryKey = (id: string) => ['campaigns', 'report', id] as const;

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** 系统预填 · 来源: the ledger figure the system put in the row, and whether the row still holds it. */
const PrefillChip = ({ row, value }: { row: ReportRow; value: ReportValues[string] }) => {
  const translate = useTranslate();
  if (row.prefilledValue === null) return null;
  const kept = value === row.prefilledValue;
  return (
    <Tooltip title={translate('zhiben.reports.prefillHelp', { value: row.prefilledValue })}>
      <Chip
        size="small"
        color={kept ? 'info' : 'default'}
        variant={kept ? 'filled' : 'outlined'}
        label={`${translate(kept ? 'zhiben.reports.prefilled' : 'zhiben.reports.prefillChanged')} · ${translate(`zhiben.reports.sources.${row.prefillSource}`, { _: row.prefillSource })}`}
        data-testid="report-prefilled"
      />
    </Tooltip>
  );
};

const RowInput = ({
  row,
  value,
  disabled,
  error,
  onChange,
}: {
  row: ReportRow;
  value: ReportValues[string];
  disabled: boolean;
  error?: string;
  onChange: (value: ReportValues[string]) => void;
}) => {
  const translate = useTranslate();
  const [text, setText] = useState(formatValue(value));
  useEffect(() => setText(formatValue(value)), [value]);
  if (rowValueType(row.unit) === 'boolean') {
    return (
      <Box>
        <RadioGroup
          row
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === 'true')}
        >
          <FormControlLabel
            value="true"
            control={<Radio size="small" disabled={disabled} />}
            label={translate('zhiben.reports.yes')}
          />
          <FormControlLabel
            value="false"
            control={<Radio size="small" disabled={disabled} />}
            label={translate('zhiben.reports.no')}
          />
        </RadioGroup>
        {error ? (
          <Typography variant="caption" color="error">
            {error}
          </Typography>
        ) : null}
      </Box>
    );
  }
  return (
    <TextField
      size="small"
      value={text}
      disabled={disabled}
      error={Boolean(error)}
      helperText={error}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseValue(e.target.value, row.unit));
      }}
      slotProps={{
        htmlInput: {
          inputMode: 'decimal',
          'data-testid': `report-value-${row.id}`,
          style: { textAlign: 'right' },
        },
      }}
      sx={{ width: 140 }}
    />
  );
};

/**
 * 填报月度调度表 (`/reports/:reportId`): the form's four sections, every row with its unit; rows the system
 * pre-filled from the ledgers carry 系统预填 with their source; save a draft (PUT …/values) or submit
 * (POST …/submit, which completes the fill-in task; the leader then signs in the task page). Editable
 * while the report is open and the user's unit files it (the server checks both).
 */
export const ReportPage = () => {
  const { reportId = '' } = useParams<{ reportId: string }>();
  const translate = useTranslate();
  const locale = useLocale();
  const bilingual = useBilingual();
  const format = useDateFormat();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const report = useQuery({
    queryKey: reportQueryKey(reportId),
    queryFn: ({ signal }) => dataProvider.getReport(reportId, signal),
  });
  const [values, setValues] = useState<ReportValues>({});
  const [noteZh, setNoteZh] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const data = report.data;
  useEffect(() => {
    if (!data) return;
    setValues(initialValues(data.rows));
    setNoteZh(data.noteZh ?? '');
    setSignedBy(data.signature?.signedBy ?? '');
    setSignerTitle(data.signature?.title ?? '');
  }, [data]);
  const rowIds = useMemo(() => new Set((data?.rows ?? []).map((r) => r.id)), [data]);

  if (report.isPending) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
        <CircularProgress />
      </Box>
    );
  }
  if (report.error || !data) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {(report.error as Error | null)?.message}
      </Alert>
    );
  }
  const editable = data.status === 'open';
  const chip = reportChip(data, Date.now());

  const send = async (mode: 'draft' | 'submit') => {
    const local = checkReportValues(data.rows, values, mode === 'submit');
    const localFields: Record<string, string> = {};
    if (mode === 'submit' && signedBy.trim() === '')
      localFields['signature.signedBy'] = translate('zhiben.reports.signerRequired');
    if (Object.keys(local).length > 0 || Object.keys(localFields).length > 0) {
      setRowErrors(
        Object.fromEntries(Object.entries(local).map(([id, m]) => [id, locale === 'en' ? m.en : m.zh])),
      );
      setFieldErrors(localFields);
      setFailure(translate('zhiben.reports.fixErrors'));
      return;
    }
    const body: ReportSubmission = {
      values,
      prefilledRows: keptPrefilledRows(data.rows, values),
      reportDate: data.reportDate ?? today(),
      ...(noteZh.trim() ? { noteZh: noteZh.trim() } : {}),
      ...(signedBy.trim()
        ? {
            signature: {
              signedBy: signedBy.trim(),
              ...(signerTitle.trim() ? { title: signerTitle.trim() } : {}),
              signedOn: today(),
            },
          }
        : {}),
      ...(mode === 'draft' ? { version: data.version } : {}),
    };
    setBusy(mode);
    setFailure(null);
    setRowErrors({});
    setFieldErrors({});
    try {
      const saved =
        mode === 'draft'
          ? await dataProvider.saveReportDraft(data.id, body)
          : await dataProvider.submitReport(data.id, body);
      queryClient.setQueryData(reportQueryKey(reportId), saved);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      notify(mode === 'draft' ? 'zhiben.reports.saved' : 'zhiben.reports.submitted', { type: 'success' });
    } catch (error) {
      if (isHttpError(error)) {
        const split = splitServerErrors(
          (error.body as ProblemErrorBody | undefined)?.errors as Record<string, unknown>,
          rowIds,
        );
        setRowErrors(split.rows);
        setFieldErrors(split.fields);
        if (error.status === 409) void report.refetch();
      }
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="report-page" data-status={data.status}>
      <Title title={translate('zhiben.reports.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1">
            {data.campaignTitle}
          </Typography>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
            <Chip
              size="small"
              color={REPORT_CHIP_COLORS[chip]}
              label={translate(`zhiben.campaigns.reportChips.${chip}`)}
              data-testid="report-status"
            />
            <Chip
              size="small"
              variant="outlined"
              label={`${translate('zhiben.reports.unit')}: ${data.unitName ?? data.unitCode}`}
            />
            <Chip
              size="small"
              variant="outlined"
              label={`${translate('zhiben.reports.occurrence')}: ${data.occurrenceKey}`}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('zhiben.reports.dueAt')}: {format(data.dueAt, true)}
            </Typography>
            <Link component={LinkBase} to={`/campaigns/${data.campaignId}/show`} variant="body2">
              {translate('zhiben.reports.toCampaign')}
            </Link>
          </Stack>
          {!editable ? (
            <Alert severity="info" sx={{ mt: 1.5 }}>
              {translate(data.status === 'review' ? 'zhiben.reports.inReview' : 'zhiben.reports.readOnly')}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      {failure ? (
        <Alert severity="error" onClose={() => setFailure(null)} data-testid="report-error">
          {failure}
        </Alert>
      ) : null}
      {rowsBySection(data.rows).map(([sectionId, rows], index) => (
        <Card key={sectionId} data-testid={`report-section-${sectionId}`}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('zhiben.reports.sectionNumber', { n: index + 1 })}
              {translate(`zhiben.reports.sections.${sectionId}`, { _: sectionId })}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 56 }}>{translate('zhiben.reports.number')}</TableCell>
                  <TableCell>{translate('zhiben.reports.item')}</TableCell>
                  <TableCell sx={{ width: 90 }}>{translate('zhiben.reports.unitOfMeasure')}</TableCell>
                  <TableCell sx={{ width: 180 }}>{translate('zhiben.reports.value')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} data-testid="report-row" data-row={row.id}>
                    <TableCell>{row.number ?? ''}</TableCell>
                    <TableCell>
                      <Stack spacing={0.5} alignItems="flex-start">
                        <span>{bilingual(row.labelZh, row.labelEn)}</span>
                        <PrefillChip row={row} value={values[row.id] ?? null} />
                      </Stack>
                    </TableCell>
                    <TableCell>{translate(`zhiben.reports.units.${row.unit}`, { _: row.unit })}</TableCell>
                    <TableCell>
                      <RowInput
                        row={row}
                        value={values[row.id] ?? null}
                        disabled={!editable || busy !== null}
                        error={rowErrors[row.id]}
                        onChange={(v) => setValues((prev) => ({ ...prev, [row.id]: v }))}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ))}
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('zhiben.reports.footnote')}
            </Typography>
            <TextField
              label={translate('zhiben.reports.note')}
              value={noteZh}
              onChange={(e) => setNoteZh(e.target.value)}
              multiline
              minRows={2}
              disabled={!editable}
              error={Boolean(fieldErrors.noteZh)}
              helperText={fieldErrors.noteZh}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={translate('zhiben.reports.signedBy')}
                value={signedBy}
                onChange={(e) => setSignedBy(e.target.value)}
                disabled={!editable}
                error={Boolean(fieldErrors['signature.signedBy'] ?? fieldErrors.signature)}
                helperText={
                  fieldErrors['signature.signedBy'] ??
                  fieldErrors.signature ??
                  translate('zhiben.reports.signedByHelp')
                }
                slotProps={{ htmlInput: { 'data-testid': 'report-signed-by' } }}
              />
              <TextField
                label={translate('zhiben.reports.signerTitle')}
                value={signerTitle}
                onChange={(e) => setSignerTitle(e.target.value)}
                disabled={!editable}
              />
            </Stack>
            {editable ? (
              <Stack direction="row" spacing={1}>
                <Button
                  variant="outlined"
                  disabled={busy !== null}
                  onClick={() => void send('draft')}
                  data-testid="report-save"
                >
                  {translate('zhiben.reports.saveDraft')}
                </Button>
                <Button
                  variant="contained"
                  disabled={busy !== null}
                  onClick={() => void send('submit')}
                  data-testid="report-submit"
                >
                  {translate('zhiben.reports.submit')}
                </Button>
              </Stack>
            ) : null}
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
};
