import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import AssignmentOutlinedIcon from '@mui/icons-material/AssignmentOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  Grid,
  Link,
  Stack,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { LinkBase, Title, useDataProvider, useNotify, useParams, useTranslate } from 'react-admin';
import { downloadBlob } from '../../fields/AuthorizedFile';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { formatBytes } from '../../fields/files';
import { PriorityChip } from '../../fields/PriorityChip';
import { useBilingual, useCodeLabel, useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { isHttpError } from '../../providers/httpClient';
import { useRoles } from '../../providers/roles';
import { HazardCaseContext, ListingCaseContext } from '../../resources/hazards/HazardCaseContext';
import { isHazardEnterpriseStep } from '../../resources/hazards/types';
import type { DecisionOption, TaskDetail } from '../../types';
import { DecisionForm } from './DecisionForm';
import { TaskActions } from './TaskActions';
import { TaskComments } from './TaskComments';
import { TaskData } from './TaskData';
import { TaskHistory } from './TaskHistory';
import { PenaltyCaseContext, ReferralCaseContext } from '../../resources/enforcement/EnforcementCaseContext';
import { isLiaisonStep } from '../../resources/enforcement/referralForms';
import {
  campaignCaseOf,
  caseOf,
  enforcementCaseOf,
  useRefreshTask,
  useTask,
  useTaskAbilities,
} from './useTask';

const Panel = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card data-testid={testId}>
    <CardHeader
      title={title}
      slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }}
      sx={{ pb: 0 }}
    />
    <CardContent>{children}</CardContent>
  </Card>
);

const useTaskTitle = () => {
  const bilingual = useBilingual();
  return (task: TaskDetail) => bilingual(task.titleZh, task.titleEn) || task.title;
};

/** Title, case, status, priority and the clocks (办理期限 counting down, 响应时限, 跟进日期). */
const TaskHeader = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const codeLabel = useCodeLabel();
  const title = useTaskTitle();
  const kase = caseOf(task);
  const campaignCase = campaignCaseOf(task);
  const enforcementCase = enforcementCaseOf(task);
  const open = task.status !== 'closed';
  return (
    <Stack spacing={1.5} data-testid="task-header">
      <Button
        component={LinkBase}
        to="/my-tasks"
        size="small"
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('zhiben.task.back')}
      </Button>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }} data-testid="task-title">
        {title(task)}
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="center">
        <Chip
          size="small"
          color={open ? 'primary' : 'default'}
          label={codeLabel('zhiben.tasks.statuses', task.status)}
          data-testid="task-status"
          data-status={task.status}
        />
        <PriorityChip priority={task.priority} />
        <Chip size="small" variant="outlined" label={codeLabel('zhiben.tasks.types', task.type)} />
        {open && task.dueAt ? (
          <DeadlineChip
            dueAt={task.dueAt}
            label={translate('zhiben.tasks.columns.dueAt')}
            countdown
            data-testid="task-due"
          />
        ) : null}
        {open && task.reactionDueAt && task.status === 'open' ? (
          <DeadlineChip dueAt={task.reactionDueAt} label={translate('zhiben.task.reactionDue')} countdown />
        ) : null}
        {open && task.followUpAt ? (
          <DeadlineChip dueAt={task.followUpAt} label={translate('zhiben.tasks.columns.followUpAt')} soft />
        ) : null}
        {task.breaches.length > 0 ? (
          <Chip
            size="small"
            color="error"
            variant="outlined"
            label={translate('zhiben.task.breaches', { count: task.breaches.length })}
          />
        ) : null}
      </Stack>
      {task.caseRef ? (
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.task.caseRef')}{' '}
          {campaignCase ? (
            <Link
              component={LinkBase}
              to={
                campaignCase.kind === 'report'
                  ? `/reports/${encodeURIComponent(campaignCase.id)}`
                  : `/campaigns/${campaignCase.id}/show`
              }
              sx={{ fontFamily: 'monospace' }}
              data-testid="task-case-link"
            >
              {task.caseRef}
            </Link>
          ) : enforcementCase ? (
            <Link
              component={LinkBase}
              to={`/${enforcementCase.kind === 'referral' ? 'referrals' : 'penalty-cases'}/${encodeURIComponent(enforcementCase.id)}/show`}
              sx={{ fontFamily: 'monospace' }}
              data-testid="task-case-link"
            >
              {task.caseRef}
            </Link>
          ) : kase ? (
            <Link
              component={LinkBase}
              to={kase.kind === 'hazard' ? `/hazards/${kase.id}/show` : '/listings'}
              sx={{ fontFamily: 'monospace' }}
              data-testid="task-case-link"
            >
              {task.caseRef}
            </Link>
          ) : (
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {task.caseRef}
            </Box>
          )}
        </Typography>
      ) : null}
    </Stack>
  );
};

/** How a closed task ended: the decision, by whom, when. */
const TaskOutcome = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
  const decision = task.decisions.find((option) => option.code === task.decision);
  return (
    <Alert severity={task.outcome === 'completed' ? 'success' : 'info'} data-testid="task-outcome">
      <AlertTitle>
        {translate(`zhiben.task.outcomes.${task.outcome ?? 'closed'}`, { _: task.outcome ?? '' })}
      </AlertTitle>
      {task.decision
        ? translate('zhiben.task.decidedAs', {
            decision: decision ? bilingual(decision.labelZh, decision.labelEn) : task.decision,
            who: task.completedBy ?? '—',
            when: formatDate(task.completedAt ?? task.closedAt, true),
          })
        : formatDate(task.closedAt, true)}
    </Alert>
  );
};

/**
 * The enterprise's own steps (整改方案, 进展, 验收申请) are filled in on the hazard, whose service
 * completes the task: the page sends the user there instead of offering a bare decision.
 */
const EnterpriseStepPrompt = ({ task, hazardId }: { task: TaskDetail; hazardId: string }) => {
  const translate = useTranslate();
  const step = task.step;
  const target = step === 'submitPlan' ? `/hazards/${hazardId}/plan` : `/hazards/${hazardId}/show`;
  return (
    <Alert
      severity="info"
      icon={<AssignmentOutlinedIcon />}
      action={
        <Button
          variant="contained"
          size="small"
          component={LinkBase}
          to={target}
          data-testid="task-enterprise-step"
        >
          {translate(`zhiben.task.enterpriseSteps.${step}.action`)}
        </Button>
      }
      data-testid="task-enterprise-prompt"
    >
      {translate(`zhiben.task.enterpriseSteps.${step}.help`)}
    </Alert>
  );
};

const Attachments = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  if (task.attachments.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.task.attachments.empty')}
      </Typography>
    );
  }
  return (
    <Stack spacing={0.5} data-testid="task-attachments">
      {task.attachments.map((attachment) => (
        <Button
          key={attachment.id}
          size="small"
          startIcon={<AttachFileIcon />}
          sx={{ justifyContent: 'flex-start', textTransform: 'none' }}
          onClick={() =>
            void dataProvider
              .attachmentBlob(task.id, attachment.id)
              .then((blob) => downloadBlob(blob, attachment.name))
              .catch((error: unknown) =>
                notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
              )
          }
        >
          {attachment.name} · {formatBytes(attachment.size)} · {attachment.uploadedBy} ·{' '}
          {formatDate(attachment.createdAt, true)}
        </Button>
      ))}
    </Stack>
  );
};

/** Who may act and who holds it: candidates (role × unit), assignee, owner, delegation. */
const TaskPeople = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const row = (label: string, value: ReactNode) => (
    <Box sx={{ display: 'flex', gap: 1, py: 0.25 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: '6.5em' }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box data-testid="task-people">
      {row('zhiben.task.fields.assignee', task.assignee ?? translate('zhiben.tasks.unassigned'))}
      {task.owner && task.owner !== task.assignee ? row('zhiben.task.fields.owner', task.owner) : null}
      {task.delegatedFrom ? row('zhiben.task.fields.delegatedFrom', task.delegatedFrom) : null}
      {row(
        'zhiben.task.fields.candidates',
        task.candidates.length === 0
          ? '—'
          : task.candidates.map((candidate) => (
              <Chip
                key={`${candidate.role}@${candidate.orgUnitCode}`}
                size="small"
                variant="outlined"
                sx={{ mr: 0.5, mb: 0.5 }}
                label={`${translate(`zhiben.roles.${candidate.role}`, { _: candidate.role })} · ${candidate.orgUnitCode}`}
              />
            )),
      )}
      {row('zhiben.task.fields.orgUnitCode', task.orgUnitCode ?? '—')}
      {row('zhiben.task.fields.createdAt', formatDate(task.createdAt, true))}
      {task.claimedAt ? row('zhiben.task.fields.claimedAt', formatDate(task.claimedAt, true)) : null}
      {task.watchers.length > 0 ? row('zhiben.task.fields.watchers', task.watchers.join('、')) : null}
    </Box>
  );
};

/** 任务详情 (`/tasks/:id`): the case, the decision, the hand-overs, the discussion and the audit trail. */
export const TaskPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const bilingual = useBilingual();
  const title = useTaskTitle();
  const { data: task, isPending, error, refetch } = useTask(id);
  const refresh = useRefreshTask(id);
  const { can, me } = useTaskAbilities(task);
  const { enterprise } = useRoles();
  const [conflict, setConflict] = useState<string | null>(null);

  if (isPending) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
        <CircularProgress />
      </Box>
    );
  }
  if (error || !task) {
    const status = isHttpError(error) ? error.status : undefined;
    return (
      <Alert
        severity="error"
        sx={{ mt: 2 }}
        data-testid="task-error"
        action={
          <Button color="inherit" size="small" onClick={() => void refetch()}>
            {translate('zhiben.tasks.retry')}
          </Button>
        }
      >
        {status === 404 || status === 403
          ? translate('zhiben.task.notVisible')
          : error instanceof Error
            ? error.message
            : String(error)}
      </Alert>
    );
  }

  const kase = caseOf(task);
  const campaignCase = campaignCaseOf(task);
  // The fill-in of a report is done on its form, whose submission completes this task.
  const fillReport = task.step === 'fillReport' && campaignCase?.kind === 'report' ? campaignCase.id : null;
  const enterpriseStep = isHazardEnterpriseStep(task.step) && kase?.kind === 'hazard' ? kase.id : fillReport;
  const enforcementCase = enforcementCaseOf(task);
  // The package and the liaison's answers are recorded on the referral page, whose service completes
  // the task; the head's decision and breach follow-ups are decided here.
  const referralStep =
    enforcementCase?.kind === 'referral' && (isLiaisonStep(task.step) || task.step === 'preparePackage')
      ? enforcementCase.id
      : null;
  const formElsewhere = enterpriseStep ?? referralStep;
  const open = task.status !== 'closed';

  const completed = (decision: DecisionOption) => {
    notify('zhiben.task.decide.done', {
      type: 'success',
      messageArgs: { decision: bilingual(decision.labelZh, decision.labelEn) },
    });
    setConflict(null);
    void refresh();
  };

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }} data-testid="task-page" data-task-id={task.id}>
      <Title title={title(task)} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Card>
              <CardContent>
                <TaskHeader task={task} />
              </CardContent>
            </Card>
            {conflict ? (
              <Alert severity="warning" onClose={() => setConflict(null)} data-testid="task-conflict">
                <AlertTitle>{translate('zhiben.task.decide.conflictTitle')}</AlertTitle>
                {conflict}
              </Alert>
            ) : null}
            {!open ? <TaskOutcome task={task} /> : null}
            {open && fillReport && (can('complete') || can('claim')) ? (
              <Alert
                severity="info"
                data-testid="task-report-prompt"
                action={
                  <Button
                    component={LinkBase}
                    to={`/reports/${encodeURIComponent(fillReport)}`}
                    variant="contained"
                    size="small"
                    data-testid="task-fill-report"
                  >
                    {translate('zhiben.reports.fillAction')}
                  </Button>
                }
              >
                {translate('zhiben.reports.fillHelp')}
              </Alert>
            ) : null}
            {open && enterpriseStep && !fillReport && enterprise && (can('complete') || can('claim')) ? (
              <EnterpriseStepPrompt task={task} hazardId={enterpriseStep} />
            ) : null}
            {open && task.step === 'signReport' && campaignCase?.kind === 'report' ? (
              <Alert
                severity="info"
                action={
                  <Button
                    component={LinkBase}
                    to={`/reports/${encodeURIComponent(campaignCase.id)}`}
                    size="small"
                    data-testid="task-view-report"
                  >
                    {translate('zhiben.reports.viewAction')}
                  </Button>
                }
              >
                {translate('zhiben.reports.signHelp')}
              </Alert>
            ) : null}
            {open && enterpriseStep && !fillReport && !enterprise ? (
              // Escalated to the town as a reminder: the enterprise still does the work on its hazard.
              <Alert severity="info" data-testid="task-enterprise-owned">
                {translate('zhiben.task.decide.enterpriseOwned')}
              </Alert>
            ) : null}
            {open && referralStep && (can('complete') || can('claim')) ? (
              <Alert
                severity="info"
                data-testid="task-referral-prompt"
                action={
                  <Button
                    component={LinkBase}
                    to={`/referrals/${encodeURIComponent(referralStep)}/show`}
                    variant="contained"
                    size="small"
                    data-testid="task-referral-step"
                  >
                    {translate(
                      task.step === 'preparePackage'
                        ? 'zhiben.enforcement.task.packageAction'
                        : 'zhiben.enforcement.task.liaisonAction',
                    )}
                  </Button>
                }
              >
                {translate(
                  task.step === 'preparePackage'
                    ? 'zhiben.enforcement.task.packagePrompt'
                    : 'zhiben.enforcement.task.liaisonPrompt',
                )}
              </Alert>
            ) : null}
            {open && !formElsewhere && can('complete') ? (
              <Panel title={translate('zhiben.task.decide.title')} testId="task-decision">
                <TaskData task={task} />
                <DecisionForm
                  key={`${task.id}:${task.version}`}
                  task={task}
                  onCompleted={completed}
                  onConflict={(message) => {
                    setConflict(message);
                    void refresh();
                  }}
                />
              </Panel>
            ) : null}
            {open && !can('complete') && !formElsewhere ? (
              <Alert severity="info" data-testid="task-cannot-decide">
                {translate(
                  can('resolve')
                    ? 'zhiben.task.decide.resolveFirst'
                    : task.delegatedFrom !== null && task.delegatedFrom === me
                      ? 'zhiben.task.decide.delegatedAway'
                      : task.assignee
                        ? 'zhiben.task.decide.heldBy'
                        : 'zhiben.task.decide.notCandidate',
                  { assignee: task.assignee ?? '' },
                )}
              </Alert>
            ) : null}
            {enforcementCase ? (
              <Panel title={translate('zhiben.task.case.title')}>
                {enforcementCase.kind === 'referral' ? (
                  <ReferralCaseContext referralId={enforcementCase.id} />
                ) : (
                  <PenaltyCaseContext caseId={enforcementCase.id} />
                )}
              </Panel>
            ) : null}
            {kase ? (
              <Panel title={translate('zhiben.task.case.title')}>
                {kase.kind === 'hazard' ? (
                  <HazardCaseContext hazardId={kase.id} step={task.step} />
                ) : (
                  <ListingCaseContext listingId={kase.id} step={task.step} />
                )}
              </Panel>
            ) : null}
            <Panel title={translate('zhiben.task.comments.title')}>
              <TaskComments task={task} />
            </Panel>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            {open ? (
              <Panel title={translate('zhiben.task.actions.title')}>
                <TaskActions task={task} />
              </Panel>
            ) : null}
            <Panel title={translate('zhiben.task.people')}>
              <TaskPeople task={task} />
            </Panel>
            <Panel title={translate('zhiben.task.attachments.title')}>
              <Attachments task={task} />
            </Panel>
            <Panel title={translate('zhiben.task.history.title')} testId="task-history-panel">
              <TaskHistory task={task} />
            </Panel>
          </Stack>
        </Grid>
      </Grid>
    </Box>
  );
};
