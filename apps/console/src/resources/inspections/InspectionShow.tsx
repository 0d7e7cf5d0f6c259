import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Grid,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  LinkBase,
  Show,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { useDateFormat } from '../../fields/useDateFormat';
import { InspectionKindChip, InspectionStatusChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import type { Inspection } from '../enforcement/types';
import { HazardGradeChip } from '../hazards/HazardChips';
import { Field } from '../hazards/HazardSections';
import { PhotoThumb } from './FindingPhotos';
import { OpenCaseButton } from './OpenCaseDialog';

const RESULT_COLORS = { compliant: 'success', violation: 'error', notApplicable: 'default' } as const;

const Checklist = ({ inspection }: { inspection: Inspection }) => {
  const translate = useTranslate();
  if (inspection.checklist.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.enforcement.inspection.noChecklist')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="inspection-checklist">
      <TableHead>
        <TableRow>
          <TableCell>{translate('zhiben.enforcement.inspection.item')}</TableCell>
          <TableCell>{translate('zhiben.enforcement.inspection.result')}</TableCell>
          <TableCell>{translate('zhiben.enforcement.inspection.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {inspection.checklist.map((line, index) => (
          <TableRow key={`${line.catalogueId}/${line.clauseId}/${index}`} data-result={line.result}>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{line.item}</TableCell>
            <TableCell>
              <Chip
                size="small"
                color={RESULT_COLORS[line.result]}
                label={translate(`zhiben.enforcement.checklistResults.${line.result}`)}
              />
            </TableCell>
            <TableCell>{line.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Findings = ({ inspection }: { inspection: Inspection }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  if (inspection.findings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.enforcement.inspection.noFindings')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5} data-testid="inspection-findings">
      {inspection.findings.map((finding, index) => (
        <Box
          key={finding.id}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
          data-testid="inspection-finding"
        >
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('zhiben.enforcement.inspection.finding.title', { n: index + 1 })}
            </Typography>
            <HazardGradeChip grade={finding.grade} />
            {finding.rectifyBy ? (
              <Chip
                size="small"
                variant="outlined"
                label={translate('zhiben.enforcement.inspection.rectifyByChip', {
                  date: formatDate(finding.rectifyBy),
                })}
              />
            ) : null}
            {finding.stopOrdered ? (
              <Chip
                size="small"
                color="error"
                label={translate('zhiben.enforcement.inspection.stopOrderedChip')}
              />
            ) : null}
            {finding.hazardId ? (
              <Link
                component={LinkBase}
                to={`/hazards/${encodeURIComponent(finding.hazardId)}/show`}
                variant="body2"
                data-testid="finding-hazard-link"
              >
                {translate('zhiben.enforcement.inspection.finding.hazard')}
              </Link>
            ) : null}
            {!finding.hazardId && finding.hazardError ? (
              <Typography variant="caption" color="error">
                {finding.hazardError}
              </Typography>
            ) : null}
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
            {finding.description}
          </Typography>
          {finding.location ? (
            <Typography variant="caption" color="text.secondary">
              {finding.location}
            </Typography>
          ) : null}
          {finding.photos.length > 0 ? (
            <Stack direction="row" spacing={1} sx={{ mt: 1 }} useFlexGap flexWrap="wrap">
              {finding.photos.map((photo) => (
                <PhotoThumb key={photo} fileId={photo} />
              ))}
            </Stack>
          ) : null}
        </Box>
      ))}
    </Stack>
  );
};

/** 谁检查、谁签名: an inspector of this inspection who has not signed yet signs the record. */
const SignButton = ({ inspection }: { inspection: Inspection }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { identity } = useGetIdentity();
  const me = (identity as ConsoleIdentity | undefined)?.username;
  const mine = inspection.inspectors.find((inspector) => inspector.username === me);
  if (!mine || mine.signedAt || inspection.status === 'planned') return null;
  const sign = async () => {
    try {
      await dataProvider.signInspection(inspection.id);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <Button variant="outlined" onClick={() => void sign()} data-testid="inspection-sign">
      {translate('zhiben.enforcement.inspection.sign')}
    </Button>
  );
};

const InspectionLayout = () => {
  const inspection = useRecordContext<Inspection>();
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const { inspect } = useEnforcementRoles();
  if (!inspection) return null;
  const violations = inspection.findings.length > 0;
  const check = (value: boolean) => (value ? '✓' : '✗');
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 } }} data-testid="inspection-show">
      <Grid size={{ xs: 12 }}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
              <Typography
                variant="h5"
                component="h1"
                sx={{ fontWeight: 600, mr: 1 }}
                data-testid="inspection-title"
              >
                {inspection.enterprise.name}
              </Typography>
              <InspectionKindChip kind={inspection.kind} />
              <InspectionStatusChip status={inspection.status} />
              <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {inspection.ref}
              </Typography>
              <Box sx={{ flex: 1 }} />
              {inspect && inspection.status === 'planned' ? (
                <Button
                  variant="contained"
                  startIcon={<EditNoteOutlinedIcon />}
                  component={LinkBase}
                  to={`/inspections/${encodeURIComponent(inspection.id)}/record`}
                  data-testid="inspection-record"
                >
                  {translate('zhiben.enforcement.inspection.record')}
                </Button>
              ) : null}
              <SignButton inspection={inspection} />
              {inspect && inspection.status === 'recorded' && violations && !inspection.caseId ? (
                <OpenCaseButton inspection={inspection} />
              ) : null}
              {inspection.caseId ? (
                <Button
                  component={LinkBase}
                  to={`/penalty-cases/${encodeURIComponent(inspection.caseId)}/show`}
                  data-testid="inspection-case-link"
                >
                  {translate('zhiben.enforcement.inspection.viewCase')}
                </Button>
              ) : null}
            </Stack>
            <Field label={translate('resources.inspections.fields.department')}>
              {inspection.department.name}
            </Field>
            <Field label={translate('resources.inspections.fields.town')}>{inspection.town.name}</Field>
            <Field label={translate('resources.inspections.fields.plannedOn')}>
              {formatDate(inspection.plannedOn)}
            </Field>
            <Field label={translate('resources.inspections.fields.inspectedAt')}>
              {formatDate(inspection.inspectedAt, true)}
            </Field>
            {inspection.planId ? (
              <Field label={translate('resources.inspections.fields.planId')}>
                <Link
                  component={LinkBase}
                  to={`/inspection-plans/${encodeURIComponent(inspection.planId)}/show`}
                >
                  {inspection.planId}
                </Link>
              </Field>
            ) : null}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('zhiben.enforcement.inspection.sections.checklist')}
              </Typography>
              <Checklist inspection={inspection} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('zhiben.enforcement.inspection.sections.findings')}
              </Typography>
              <Findings inspection={inspection} />
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('zhiben.enforcement.inspection.sections.signatures')}
              </Typography>
              <Stack spacing={0.5} data-testid="inspection-inspectors">
                {inspection.inspectors.map((inspector) => (
                  <Typography key={inspector.username} variant="body2">
                    {inspector.signedAt
                      ? translate('zhiben.enforcement.inspection.signedAt', {
                          name: `${inspector.name}${inspector.certificateNo ? `（${inspector.certificateNo}）` : ''}`,
                          at: formatDate(inspector.signedAt, true),
                        })
                      : translate('zhiben.enforcement.inspection.unsigned', { name: inspector.name })}
                  </Typography>
                ))}
              </Stack>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('zhiben.enforcement.inspection.sections.mustChecks')}
              </Typography>
              <Typography variant="body2">
                {check(inspection.principalDutiesChecked)}{' '}
                {translate('zhiben.enforcement.inspection.principalDuties')}
              </Typography>
              <Typography variant="body2">
                {check(inspection.responsiblePersonsChecked)}{' '}
                {translate('zhiben.enforcement.inspection.responsiblePersons')}
              </Typography>
            </CardContent>
          </Card>
        </Stack>
      </Grid>
    </Grid>
  );
};

/** 执法检查 detail: the signed record, its findings (with the hazards they became) and 立案查处. */
export const InspectionShow = () => (
  <Show actions={false} component="div" queryOptions={{ refetchInterval: 15_000 }}>
    <InspectionLayout />
  </Show>
);
