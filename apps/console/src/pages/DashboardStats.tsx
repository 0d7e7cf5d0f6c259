import AlarmOutlinedIcon from '@mui/icons-material/AlarmOutlined';
import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Box, Card, CardActionArea, CardContent, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { LinkBase, useDataProvider, useGetList, useStore, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { InboxFilters, InboxView } from '../types';

/** The inbox has no totals (keyset pages): counts stop at one page and read "100+" beyond it. */
const COUNT_LIMIT = 100;

interface Count {
  /** null while loading; undefined when the number could not be had. */
  value: number | null | undefined;
  more: boolean;
}

const useInboxCount = (views: InboxView[], filters: InboxFilters): Count => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, isError } = useQuery({
    queryKey: ['tasks', 'inbox', 'count', views, filters],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        views.map((view) => dataProvider.getInbox({ view, limit: COUNT_LIMIT, ...filters, signal })),
      );
      // A task can be both mine and my group's: count it once.
      const ids = new Set(pages.flatMap((page) => page.data.map((task) => task.id)));
      return { value: ids.size, more: pages.some((page) => page.nextCursor !== null) };
    },
    retry: false,
  });
  return data ?? { value: isError ? undefined : null, more: false };
};

const useHazardTotal = (filter: Record<string, unknown>): number | null | undefined => {
  const { total, isError } = useGetList(
    'hazards',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' }, filter },
    { retry: false },
  );
  return isError ? undefined : (total ?? null);
};

interface StatProps {
  label: string;
  count: Count;
  icon: ReactElement;
  color: string;
  onOpen?: () => void;
  to: string;
  testId: string;
}

const Stat = ({ label, count, icon, color, onOpen, to, testId }: StatProps) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardActionArea
      component={LinkBase}
      to={to}
      onClick={onOpen}
      sx={{ height: '100%' }}
      data-testid={testId}
    >
      <CardContent>
        <Stack direction="row" spacing={2} alignItems="center">
          <Box sx={{ color, display: 'flex', '& svg': { fontSize: 40 } }}>{icon}</Box>
          <Box>
            <Typography
              variant="h4"
              component="p"
              sx={{ fontWeight: 600, color }}
              data-testid={`${testId}-value`}
            >
              {count.value === null ? (
                <Skeleton width={48} />
              ) : count.value === undefined ? (
                '—'
              ) : (
                `${count.value}${count.more ? '+' : ''}`
              )}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
          </Box>
        </Stack>
      </CardContent>
    </CardActionArea>
  </Card>
);

/**
 * The numbers an official starts the day with: open tasks, overdue tasks, the major hazards still open
 * in the jurisdiction (动态清零 means this should fall to zero) and those under 挂牌督办.
 */
export const DashboardStats = () => {
  const translate = useTranslate();
  const [, setView] = useStore<string>('zhiben.myTasks.view', 'mine');
  const [, setFilters] = useStore<InboxFilters>('zhiben.myTasks.filters', {});
  const mine = useInboxCount(['mine'], {});
  const overdue = useInboxCount(['mine', 'groups'], { overdue: true });
  const majorAll = useHazardTotal({ grade: 'major' });
  const majorClosed = useHazardTotal({ grade: 'major', status: 'closed' });
  const listed = useHazardTotal({ status: 'listed' });
  const openMajor: Count = {
    value:
      majorAll === undefined || majorClosed === undefined
        ? undefined
        : majorAll === null || majorClosed === null
          ? null
          : majorAll - majorClosed,
    more: false,
  };
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }} data-testid="dashboard-stats">
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <Stat
          label={translate('zhiben.dashboard.stats.myTasks')}
          count={mine}
          icon={<AssignmentTurnedInOutlinedIcon />}
          color="primary.main"
          to="/my-tasks"
          onOpen={() => {
            setView('mine');
            setFilters({});
          }}
          testId="stat-my-tasks"
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <Stat
          label={translate('zhiben.dashboard.stats.overdueTasks')}
          count={overdue}
          icon={<AlarmOutlinedIcon />}
          color="error.main"
          to="/my-tasks"
          onOpen={() => setFilters({ overdue: true })}
          testId="stat-overdue-tasks"
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <Stat
          label={translate('zhiben.dashboard.stats.openMajorHazards')}
          count={openMajor}
          icon={<ReportProblemOutlinedIcon />}
          color="warning.dark"
          to={`/hazards?filter=${encodeURIComponent(JSON.stringify({ grade: 'major' }))}`}
          testId="stat-open-major-hazards"
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <Stat
          label={translate('zhiben.dashboard.stats.listed')}
          count={{ value: listed, more: false }}
          icon={<FlagOutlinedIcon />}
          color="error.dark"
          to="/listings"
          testId="stat-listed"
        />
      </Grid>
    </Grid>
  );
};
