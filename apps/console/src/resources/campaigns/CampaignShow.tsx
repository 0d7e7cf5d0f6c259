import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Grid,
  LinearProgress,
  Link,
  MenuItem,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import {
  Confirm,
  EditButton,
  LinkBase,
  Show,
  useDataProvider,
  useNotify,
  useRefresh,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { Timeline } from '../../fields/Timeline';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { useRoles } from '../../providers/roles';
import { CampaignStatusChip } from './CampaignList';
import { REPORT_CHIP_COLORS, reportChip } from './reportForm';
import type { Campaign, Stage } from './types';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const day = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);

/** 阶段进度: one bar per stage on the campaign's time axis, the current stage highlighted. */
const StageBar = ({ campaign }: { campaign: Campaign }) => {
  const bilingual = useBilingual();
  const translate = useTranslate();
  const now = Date.now();
  const start = day(campaign.period.start);
  const ends = campaign.stages.map((s) =>
    s.end.kind === 'date' ? day(s.end.date) : Math.max(now, day(s.start)),
  );
  const end = Math.max(
    campaign.period.end.kind === 'date' ? day(campaign.period.end.date) : now,
    ...ends,
    start + 86_400_000,
  );
  const span = end - start;
  const pct = (t: number) => `${Math.min(100, Math.max(0, ((t - start) / span) * 100))}%`;
  const stateOf = (s: Stage, i: number) =>
    s.key === campaign.currentStageKey
      ? 'current'
      : ends[i] + 86_400_000 <= now
        ? 'ended'
        : day(s.start) > now
          ? 'upcoming'
          : 'active';
  return (
    <Box data-testid="campaign-stages">
      {campaign.stages.map((s, i) => {
        const state = stateOf(s, i);
        return (
          <Stack key={s.key} direction="row" spacing={1} alignItems="center" sx={{ mb: 0.75 }}>
            <Typography
              variant="body2"
              sx={{ width: 200, flexShrink: 0 }}
              noWrap
              title={bilingual(s.titleZh, s.titleEn)}
            >
              {bilingual(s.titleZh, s.titleEn)}
            </Typography>
            <Box
              sx={{ position: 'relative', flexGrow: 1, height: 18, bgcolor: 'action.hover', borderRadius: 1 }}
            >
              <Tooltip
                title={`${s.start} — ${s.end.kind === 'date' ? s.end.date : translate('zhiben.campaigns.stage.eventEnd', { event: campaign.events.find((e) => e.key === (s.end as { event: string }).event)?.labelZh ?? '' })}`}
              >
                <Box
                  data-testid="campaign-stage"
                  data-state={state}
                  sx={{
                    position: 'absolute',
                    top: 0,
                    bottom: 0,
                    left: pct(day(s.start)),
                    width: `calc(${pct(ends[i] + 86_400_000)} - ${pct(day(s.start))})`,
                    borderRadius: 1,
                    bgcolor:
                      state === 'current'
                        ? 'primary.main'
                        : state === 'ended'
                          ? 'success.light'
                          : state === 'active'
                            ? 'primary.light'
                            : 'grey.400',
                    backgroundImage:
                      s.end.kind === 'event'
                        ? 'repeating-linear-gradient(45deg, transparent, transparent 6px, rgba(255,255,255,.35) 6px, rgba(255,255,255,.35) 12px)'
                        : undefined,
                  }}
                />
              </Tooltip>
              <Box
                sx={{
                  position: 'absolute',
                  top: -2,
                  bottom: -2,
                  left: pct(now),
                  width: 2,
                  bgcolor: 'error.main',
                }}
              />
            </Box>
            <Chip
              size="small"
              variant={state === 'current' ? 'filled' : 'outlined'}
              label={translate(`zhiben.campaigns.stage.${state}`)}
            />
          </Stack>
        );
      })}
    </Box>
  );
};

/** 谁已报、谁逾期: the units' reports of one occurrence with 已报/迟报/逾期/待签发/未到期 chips. */
const ReportsSection = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const format = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const reports = useQuery({
    queryKey: ['campaigns', 'reports', campaign.id],
    queryFn: ({ signal }) => dataProvider.getCampaignReports(campaign.id, {}, signal),
    refetchInterval: 30_000,
  });
  const occurrences = useMemo(
    () =>
      [...new Set((reports.data?.data ?? []).map((r) => `${r.scheduleId}|${r.occurrenceKey}`))]
        .sort()
        .reverse(),
    [reports.data],
  );
  const [picked, setPicked] = useState('');
  const current = picked || occurrences[0] || '';
  const rows = (reports.data?.data ?? []).filter((r) => `${r.scheduleId}|${r.occurrenceKey}` === current);
  const now = Date.now();
  const counts = rows.reduce<Record<string, number>>((acc, r) => {
    const chip = reportChip(r, now);
    acc[chip] = (acc[chip] ?? 0) + 1;
    return acc;
  }, {});
  const scheduleTitle = (id: string) => campaign.reportSchedules.find((s) => s.id === id)?.titleZh ?? id;
  if (reports.error) return <Alert severity="warning">{(reports.error as Error).message}</Alert>;
  if (reports.isPending) return <LinearProgress />;
  if (occurrences.length === 0)
    return <Typography color="text.secondary">{translate('zhiben.campaigns.reports.none')}</Typography>;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField
          select
          size="small"
          label={translate('zhiben.campaigns.reports.occurrence')}
          value={current}
          onChange={(e) => setPicked(e.target.value)}
          sx={{ minWidth: 260 }}
        >
          {occurrences.map((o) => {
            const [scheduleId, key] = o.split('|');
            return (
              <MenuItem key={o} value={o}>
                {scheduleTitle(scheduleId)} · {key}
              </MenuItem>
            );
          })}
        </TextField>
        {(['reported', 'reportedLate', 'overdue', 'inReview', 'notDue'] as const).map((chip) => (
          <Chip
            key={chip}
            size="small"
            color={REPORT_CHIP_COLORS[chip]}
            label={`${translate(`zhiben.campaigns.reportChips.${chip}`)} ${counts[chip] ?? 0}`}
            data-testid={`reports-count-${chip}`}
          />
        ))}
      </Stack>
      <Table size="small" data-testid="campaign-reports">
        <TableHead>
          <TableRow>
            <TableCell>{translate('zhiben.campaigns.reports.unit')}</TableCell>
            <TableCell>{translate('zhiben.campaigns.reports.status')}</TableCell>
            <TableCell>{translate('zhiben.campaigns.reports.dueAt')}</TableCell>
            <TableCell>{translate('zhiben.campaigns.reports.submittedAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => {
            const chip = reportChip(r, now);
            return (
              <TableRow key={r.id} data-testid="campaign-report-row" data-unit={r.unitCode} data-chip={chip}>
                <TableCell>
                  <Link component={LinkBase} to={`/reports/${encodeURIComponent(r.id)}`}>
                    {r.unitName ?? r.unitCode}
                  </Link>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={REPORT_CHIP_COLORS[chip]}
                    label={translate(`zhiben.campaigns.reportChips.${chip}`)}
                  />
                </TableCell>
                <TableCell>{format(r.dueAt, true)}</TableCell>
                <TableCell>{format(r.submittedAt, true)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Stack>
  );
};

/** 任务清单完成情况 by unit (GET /campaigns/:id/task-items `completionByUnit`). */
const TaskCompletion = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const items = useQuery({
    queryKey: ['campaigns', 'task-items', campaign.id],
    queryFn: ({ signal }) => dataProvider.getCampaignTaskItems(campaign.id, signal),
    retry: false,
  });
  if (items.error) return <Alert severity="info">{translate('zhiben.campaigns.unavailable')}</Alert>;
  if (items.isPending) return <LinearProgress />;
  const names = new Map(items.data.data.map((r) => [r.unitCode, r.unitName ?? r.unitCode]));
  const units = Object.entries(items.data.completionByUnit);
  if (units.length === 0)
    return <Typography color="text.secondary">{translate('zhiben.campaigns.tasks.none')}</Typography>;
  return (
    <Stack spacing={1} data-testid="campaign-task-completion">
      {units.map(([code, { total, done }]) => (
        <Box key={code}>
          <Stack direction="row" justifyContent="space-between">
            <Typography variant="body2">{names.get(code) ?? code}</Typography>
            <Typography variant="body2" color="text.secondary">
              {done}/{total}
            </Typography>
          </Stack>
          <LinearProgress variant="determinate" value={total ? (done / total) * 100 : 0} />
        </Box>
      ))}
    </Stack>
  );
};

/** 履职计数: "at least N per period" duties, units short in some period. */
const DutyCounters = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const compliance = useQuery({
    queryKey: ['campaigns', 'duties', campaign.id],
    queryFn: ({ signal }) => dataProvider.getDutyCompliance(campaign.id, signal),
    retry: false,
  });
  if (compliance.error) return <Alert severity="info">{translate('zhiben.campaigns.unavailable')}</Alert>;
  if (compliance.isPending) return <LinearProgress />;
  if (compliance.data.data.length === 0)
    return <Typography color="text.secondary">{translate('zhiben.campaigns.duties.none')}</Typography>;
  return (
    <Table size="small" data-testid="campaign-duties">
      <TableHead>
        <TableRow>
          <TableCell>{translate('zhiben.campaigns.duties.duty')}</TableCell>
          <TableCell>{translate('zhiben.campaigns.reports.unit')}</TableCell>
          <TableCell>{translate('zhiben.campaigns.duties.rule')}</TableCell>
          <TableCell>{translate('zhiben.campaigns.duties.short')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {compliance.data.data.map((d) => (
          <TableRow key={`${d.dutyId}:${d.unitCode}`}>
            <TableCell>{d.titleZh}</TableCell>
            <TableCell>{d.unitName ?? d.unitCode}</TableCell>
            <TableCell>
              {translate(`zhiben.campaigns.dutyPeriods.${d.period}`, { _: d.period })} ≥ {d.minCount}
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                color={d.short > 0 ? 'error' : 'success'}
                label={`${d.short} / ${d.periods.length}`}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const CampaignTimeline = ({ campaign }: { campaign: Campaign }) => {
  const bilingual = useBilingual();
  const format = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const timeline = useQuery({
    queryKey: ['campaigns', 'timeline', campaign.id],
    queryFn: ({ signal }) => dataProvider.getCampaignTimeline(campaign.id, signal),
    refetchInterval: 15_000,
  });
  const items = [...(timeline.data?.data ?? [])].reverse().map((e) => ({
    id: String(e.id),
    at: e.occurredAt,
    title: bilingual(e.summaryZh, e.summaryEn),
    kind: e.type,
  }));
  return <Timeline items={items} formatTime={(iso) => format(iso, true)} data-testid="campaign-timeline" />;
};

/** 提交审批, and 登记事件 for event-ended stages (e.g. 党的二十大结束), each with a confirmation. */
const CampaignActions = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const { roles } = useRoles();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [confirm, setConfirm] = useState<
    { kind: 'submit' } | { kind: 'event'; key: string; label: string } | null
  >(null);
  const timeline = useQuery({
    queryKey: ['campaigns', 'timeline', campaign.id],
    queryFn: ({ signal }) => dataProvider.getCampaignTimeline(campaign.id, signal),
  });
  const signalled = new Set(
    (timeline.data?.data ?? [])
      .filter((e) => e.type === 'campaign.eventSignalled')
      .map((e) => String((e.data as { eventKey?: string } | null)?.eventKey ?? '')),
  );
  const mutation = useMutation({
    mutationFn: async () => {
      if (confirm?.kind === 'submit') return dataProvider.submitCampaign(campaign.id);
      if (confirm?.kind === 'event') return dataProvider.signalCampaignEvent(campaign.id, confirm.key);
      return null;
    },
    onSuccess: () => {
      notify(
        confirm?.kind === 'submit'
          ? 'zhiben.campaigns.actions.submitted'
          : 'zhiben.campaigns.actions.signalled',
        { type: 'success' },
      );
      setConfirm(null);
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      setConfirm(null);
    },
  });
  const admin = roles.includes('admin');
  const mayEvents = admin || roles.includes('leader');
  const live = campaign.submittedAt !== null && !['closed', 'rejected'].includes(campaign.status);
  const awaited = campaign.events.filter((e) => !signalled.has(e.key));
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      {admin && campaign.status === 'draft' ? (
        <>
          <EditButton record={campaign} data-testid="campaign-edit" />
          <Button
            variant="contained"
            size="small"
            onClick={() => setConfirm({ kind: 'submit' })}
            data-testid="campaign-submit"
          >
            {translate('zhiben.campaigns.actions.submit')}
          </Button>
        </>
      ) : null}
      {mayEvents && live
        ? awaited.map((e) => (
            <Button
              key={e.key}
              variant="outlined"
              size="small"
              color="warning"
              onClick={() => setConfirm({ kind: 'event', key: e.key, label: e.labelZh })}
              data-testid={`campaign-event-${e.key}`}
            >
              {translate('zhiben.campaigns.actions.signal', { event: e.labelZh })}
            </Button>
          ))
        : null}
      <Button component={LinkBase} to={`/dispatch?campaign=${campaign.id}`} size="small">
        {translate('zhiben.menu.dispatch')}
      </Button>
      <Confirm
        isOpen={confirm !== null}
        loading={mutation.isPending}
        title={
          confirm?.kind === 'event'
            ? 'zhiben.campaigns.actions.signalTitle'
            : 'zhiben.campaigns.actions.submitTitle'
        }
        content={
          confirm?.kind === 'event'
            ? 'zhiben.campaigns.actions.signalContent'
            : 'zhiben.campaigns.actions.submitContent'
        }
        translateOptions={{ event: confirm?.kind === 'event' ? confirm.label : '', title: campaign.titleZh }}
        onConfirm={() => mutation.mutate()}
        onClose={() => setConfirm(null)}
      />
    </Stack>
  );
};

const Dashboard = () => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const { record: campaign } = useShowContext<Campaign>();
  if (!campaign) return null;
  const end = campaign.period.end;
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="campaign-show">
      <Card>
        <CardContent>
          <Stack spacing={1}>
            <Typography variant="h5" component="h1">
              {bilingual(campaign.titleZh, campaign.titleEn)}
            </Typography>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <CampaignStatusChip status={campaign.status} />
              <Chip size="small" variant="outlined" label={campaign.jurisdiction.name} />
              <Chip
                size="small"
                variant="outlined"
                label={`${campaign.templateId} · v${campaign.templateVersion}`}
              />
              <Typography variant="body2" color="text.secondary">
                {campaign.period.start} —{' '}
                {end.kind === 'date' ? end.date : translate('zhiben.campaigns.endKinds.event')} ·{' '}
                {translate('zhiben.campaigns.participants.selected', { count: campaign.participants.length })}
              </Typography>
            </Stack>
            <CampaignActions campaign={campaign} />
          </Stack>
        </CardContent>
      </Card>
      <Section title={translate('zhiben.campaigns.sections.stageProgress')}>
        <StageBar campaign={campaign} />
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Section title={translate('zhiben.campaigns.sections.reports')} testId="campaign-reports-section">
              <ReportsSection campaign={campaign} />
            </Section>
            <Section title={translate('zhiben.campaigns.sections.duties')}>
              <DutyCounters campaign={campaign} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <Section title={translate('zhiben.campaigns.sections.taskCompletion')}>
              <TaskCompletion campaign={campaign} />
            </Section>
            <Section title={translate('zhiben.campaigns.sections.timeline')}>
              <CampaignTimeline campaign={campaign} />
            </Section>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
};

/** 专项行动看板: stage progress, who has reported and who is late, task lists, duties, the timeline. */
export const CampaignShow = () => (
  <Show component="div" actions={false}>
    <Dashboard />
  </Show>
);
