import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  Link,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, Show, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { useDateFormat } from '../../fields/useDateFormat';
import { useNow } from '../../fields/useNow';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { totalFine } from '../enforcement/caseForms';
import { CASE_STEPS, caseStepIndex } from '../enforcement/caseProgress';
import { ClockRow } from '../enforcement/DeadlineClock';
import { CaseStageChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import { EnforcementTimeline } from '../enforcement/EnforcementTimeline';
import type { PenaltyCase } from '../enforcement/types';
import { Field } from '../hazards/HazardSections';
import { CaseActionButton, ReinspectionApplicationButton } from './CaseActionDialog';

const Panel = ({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId}>
      <CardContent>
        <Stack direction="row" alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
            {translate(title)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

const yuan = (amount: number) => amount.toLocaleString('zh-CN');

/** 立案 → 调查 → 审查 → 告知 → 决定 → 送达 → 执行 → 整改复查. */
const CaseStepper = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  const active = caseStepIndex(kase.stage);
  if (active < 0) {
    return <Alert severity="info">{translate('zhiben.enforcement.case.dismissed')}</Alert>;
  }
  return (
    <Stepper activeStep={active} alternativeLabel data-testid="case-stepper" data-active={active}>
      {CASE_STEPS.map((step, index) => (
        <Step key={step} completed={index < active}>
          <StepLabel error={kase.stage === 'escalated' && step === 'reinspecting'}>
            {translate(`zhiben.enforcement.caseSteps.${step}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

/** 一案双罚: the unit and its principal or responsible staff, each with the fine and other penalties. */
const Parties = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  if (kase.parties.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.enforcement.case.noParties')}
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" data-testid="case-parties">
        <TableHead>
          <TableRow>
            <TableCell>{translate('zhiben.enforcement.case.partyKind')}</TableCell>
            <TableCell>{translate('zhiben.enforcement.case.partyName')}</TableCell>
            <TableCell align="right">{translate('zhiben.enforcement.case.fine')}</TableCell>
            <TableCell>{translate('zhiben.enforcement.case.measures')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {kase.parties.map((party, index) => (
            <TableRow key={`${party.kind}-${index}`} data-kind={party.kind}>
              <TableCell>{translate(`zhiben.enforcement.partyKinds.${party.kind}`)}</TableCell>
              <TableCell>{party.name}</TableCell>
              <TableCell align="right">{yuan(party.fineYuan)}</TableCell>
              <TableCell>{(party.measures ?? []).join('、') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }} data-testid="case-total-fine">
        {translate('zhiben.enforcement.case.total', {
          amount: yuan(kase.totalFineYuan || totalFine(kase.parties)),
        })}
      </Typography>
    </>
  );
};

const Actions = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  if (kase.actions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.enforcement.case.noActions')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} data-testid="case-actions">
      {[...kase.actions]
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
        .map((action) => (
          <Box key={action.id} data-kind={action.kind} data-testid="case-action">
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {translate(`zhiben.enforcement.actions.${action.kind}`, { _: action.kind })}
              {action.amountYuan ? ` · ${yuan(action.amountYuan)} 元` : ''}
              {action.deadlineAt
                ? ` · ${translate('zhiben.enforcement.clock.dueAt', { date: formatDate(action.deadlineAt, true) })}`
                : ''}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDate(action.at, true)}
              {action.by ? ` · ${action.by.name}` : ''} · {action.detail}
            </Typography>
          </Box>
        ))}
    </Stack>
  );
};

/** 送达 7 days and 复查 10 days, each running, met or breached. */
const CaseClocks = ({ kase }: { kase: PenaltyCase }) => {
  const translate = useTranslate();
  const now = useNow(30_000);
  const rows = [
    kase.serveDueAt ? (
      <ClockRow
        key="service"
        kind="service"
        label={translate('zhiben.enforcement.case.serviceClock')}
        input={{ startedAt: kase.decidedAt, dueAt: kase.serveDueAt, metAt: kase.servedAt }}
        now={now}
      />
    ) : null,
    kase.reinspectionDueAt ? (
      <ClockRow
        key="reinspection"
        kind="reinspection"
        label={translate('zhiben.enforcement.case.reinspectionClock')}
        input={{
          startedAt: kase.rectificationDeadlineAt,
          dueAt: kase.reinspectionDueAt,
          done: kase.reinspectionResult !== null,
        }}
        now={now}
      />
    ) : null,
  ].filter(Boolean);
  return (
    <Stack spacing={1} data-testid="case-clocks">
      {kase.rectificationDeadlineAt ? (
        <Box>
          <DeadlineChip
            dueAt={kase.rectificationDeadlineAt}
            label={translate('zhiben.enforcement.case.rectificationDeadline')}
            countdown={kase.stage === 'executing'}
          />
        </Box>
      ) : null}
      {rows.length > 0 ? (
        rows
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.enforcement.case.noClocks')}
        </Typography>
      )}
      {kase.reinspectionResult ? (
        <Alert
          severity={kase.reinspectionResult === 'passed' ? 'success' : 'error'}
          data-testid="case-reinspection-result"
        >
          {translate(`zhiben.enforcement.case.reinspectionResults.${kase.reinspectionResult}`)}
        </Alert>
      ) : null}
    </Stack>
  );
};

const CaseLayout = () => {
  const kase = useRecordContext<PenaltyCase>();
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { act, enterprise, official } = useEnforcementRoles();
  if (!kase) return null;
  const open = kase.stage !== 'closed' && kase.stage !== 'dismissed';
  const mayApply =
    enterprise &&
    (kase.stage === 'executing' || kase.stage === 'reinspecting') &&
    kase.reinspectionResult === null;
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 } }} data-testid="case-show">
      <Grid size={{ xs: 12 }}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
              <Typography
                variant="h5"
                component="h1"
                sx={{ fontWeight: 600, mr: 1 }}
                data-testid="case-show-title"
              >
                {kase.title}
              </Typography>
              <CaseStageChip stage={kase.stage} />
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ fontFamily: 'monospace' }}
                data-testid="case-no"
              >
                {kase.caseNo}
              </Typography>
              <Box sx={{ flex: 1 }} />
              {mayApply ? <ReinspectionApplicationButton kase={kase} /> : null}
            </Stack>
            <CaseStepper kase={kase} />
            {kase.suspectedCrime ? (
              <Alert
                severity="error"
                sx={{ mt: 2 }}
                data-testid="case-suspected-crime"
                action={
                  kase.referralId && official ? (
                    <Button
                      color="inherit"
                      size="small"
                      component={LinkBase}
                      to={`/referrals/${encodeURIComponent(kase.referralId)}/show`}
                      data-testid="case-referral-link"
                    >
                      {translate('zhiben.enforcement.case.viewReferral')}
                    </Button>
                  ) : undefined
                }
              >
                {translate('zhiben.enforcement.case.suspectedAlert', {
                  crime: translate(`zhiben.enforcement.crimes.${kase.suspectedCrime}`),
                })}
              </Alert>
            ) : null}
            {official && open ? (
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                {translate('zhiben.enforcement.case.inbox')}
              </Typography>
            ) : null}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Panel title="zhiben.enforcement.case.parties">
            <Parties kase={kase} />
          </Panel>
          <Panel
            title="zhiben.enforcement.case.actions"
            action={act && open ? <CaseActionButton kase={kase} /> : undefined}
          >
            <Actions kase={kase} />
          </Panel>
          <Card>
            <CardContent>
              <Field label={translate('resources.penalty-cases.fields.enterprise')}>
                {kase.enterprise.name}
              </Field>
              <Field label={translate('resources.penalty-cases.fields.department')}>
                {kase.department.name}
              </Field>
              <Field label={translate('resources.penalty-cases.fields.town')}>{kase.town.name}</Field>
              <Field label={translate('resources.penalty-cases.fields.officers')}>
                {kase.officers.map((o) => o.name).join('、') || '—'}
              </Field>
              <Field label={translate('resources.penalty-cases.fields.filedAt')}>
                {formatDate(kase.filedAt, true)}
              </Field>
              <Field label={translate('resources.penalty-cases.fields.decidedAt')}>
                {formatDate(kase.decidedAt, true)}
              </Field>
              <Field label={translate('resources.penalty-cases.fields.servedAt')}>
                {formatDate(kase.servedAt, true)}
              </Field>
              {kase.inspectionId ? (
                <Field label={translate('zhiben.enforcement.case.inspection')}>
                  <Link
                    component={LinkBase}
                    to={`/inspections/${encodeURIComponent(kase.inspectionId)}/show`}
                    data-testid="case-inspection-link"
                  >
                    {kase.inspectionId}
                  </Link>
                </Field>
              ) : null}
              {kase.hazardIds.length > 0 ? (
                <Field label={translate('zhiben.enforcement.case.hazards')}>
                  <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
                    {kase.hazardIds.map((hazardId) => (
                      <Link
                        key={hazardId}
                        component={LinkBase}
                        to={`/hazards/${encodeURIComponent(hazardId)}/show`}
                      >
                        {hazardId.slice(0, 8)}
                      </Link>
                    ))}
                  </Stack>
                </Field>
              ) : null}
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Stack spacing={2}>
          <Panel title="zhiben.enforcement.case.clocks">
            <CaseClocks kase={kase} />
          </Panel>
          <Panel title="zhiben.enforcement.case.timeline">
            <EnforcementTimeline
              queryKey={['penalty-cases', kase.id, 'timeline']}
              load={(signal) => dataProvider.getCaseTimeline(kase.id, signal)}
              testId="case-timeline"
            />
          </Panel>
        </Stack>
      </Grid>
    </Grid>
  );
};

/** 行政处罚案件: the stage stepper, parties, measures, the 送达/复查 clocks and the readable timeline. */
export const PenaltyCaseShow = () => (
  <Show actions={false} component="div" queryOptions={{ refetchInterval: 15_000 }}>
    <CaseLayout />
  </Show>
);
