import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  CircularProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  Typography,
  type ChipProps,
} from '@mui/material';
import type { ReactElement } from 'react';
import { Title, useLocale, useStore, useTranslate } from 'react-admin';
import { INBOX_VIEWS, type InboxView, type Task, type TaskPriority } from '../types';
import { useInbox } from './useInbox';

const VIEW_ICONS: Record<InboxView, ReactElement> = {
  mine: <AssignmentTurnedInOutlinedIcon fontSize="small" />,
  groups: <GroupsOutlinedIcon fontSize="small" />,
  watched: <VisibilityOutlinedIcon fontSize="small" />,
};

const PRIORITY_COLORS: Record<TaskPriority, ChipProps['color']> = {
  low: 'default',
  normal: 'info',
  high: 'warning',
  urgent: 'error',
};

const isInboxView = (value: unknown): value is InboxView =>
  typeof value === 'string' && (INBOX_VIEWS as readonly string[]).includes(value);

const useDateFormat = () => {
  const locale = useLocale();
  return (iso: string | null, withTime = false): string => {
    if (!iso) return '—';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return date.toLocaleString(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
  };
};

/** Unknown codes (new task types or statuses from the engine) fall back to the code itself. */
const useCodeLabel = () => {
  const translate = useTranslate();
  return (prefix: string, code: string): string => translate(`${prefix}.${code}`, { _: code });
};

const InboxEmpty = ({ view, unavailable }: { view: InboxView; unavailable: boolean }) => {
  const translate = useTranslate();
  return (
    <Box
      data-testid="inbox-empty"
      sx={{ textAlign: 'center', py: { xs: 6, sm: 10 }, px: 3, color: 'text.secondary' }}
    >
      <Box
        sx={{
          width: 88,
          height: 88,
          mx: 'auto',
          mb: 2,
          borderRadius: '50%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          bgcolor: 'action.hover',
          color: 'primary.main',
          '& svg': { fontSize: 44 },
        }}
      >
        {VIEW_ICONS[view]}
      </Box>
      <Typography variant="h6" component="p" color="text.primary" gutterBottom>
        {translate('zhiben.tasks.empty.title')}
      </Typography>
      <Typography variant="body2" sx={{ maxWidth: 460, mx: 'auto' }}>
        {translate(`zhiben.tasks.empty.${view}`)}
      </Typography>
      {unavailable ? (
        <Typography
          variant="caption"
          component="p"
          data-testid="inbox-unavailable"
          sx={{ mt: 2, color: 'text.disabled' }}
        >
          {translate('zhiben.tasks.unavailable')}
        </Typography>
      ) : null}
    </Box>
  );
};

const TaskRow = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const codeLabel = useCodeLabel();
  const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
  return (
    <TableRow hover data-testid="inbox-row">
      <TableCell>
        <Typography variant="body2" fontWeight={500}>
          {task.title}
        </Typography>
        {task.caseRef ? (
          <Typography variant="caption" color="text.secondary">
            {task.caseRef}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>{codeLabel('zhiben.tasks.types', task.type)}</TableCell>
      <TableCell>{codeLabel('zhiben.tasks.statuses', task.status)}</TableCell>
      <TableCell>
        <Chip
          size="small"
          color={PRIORITY_COLORS[task.priority] ?? 'default'}
          variant={task.priority === 'urgent' ? 'filled' : 'outlined'}
          label={codeLabel('zhiben.tasks.priorities', task.priority)}
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', color: overdue ? 'error.main' : undefined }}>
        {formatDate(task.dueAt)}
        {overdue ? (
          <Typography variant="caption" component="span" sx={{ ml: 0.5 }}>
            ({translate('zhiben.tasks.overdue')})
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(task.followUpAt)}</TableCell>
      <TableCell>{task.assignee ?? translate('zhiben.tasks.unassigned')}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(task.createdAt, true)}</TableCell>
    </TableRow>
  );
};

const COLUMNS = [
  'title',
  'type',
  'status',
  'priority',
  'dueAt',
  'followUpAt',
  'assignee',
  'createdAt',
] as const;

const InboxTable = ({ tasks }: { tasks: Task[] }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('zhiben.tasks.title')} data-testid="inbox-table">
        <TableHead>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableCell key={column}>{translate(`zhiben.tasks.columns.${column}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const InboxPanel = ({ view }: { view: InboxView }) => {
  const translate = useTranslate();
  const inbox = useInbox(view);
  if (inbox.status === 'loading') {
    return (
      <Stack alignItems="center" spacing={2} sx={{ py: 8 }} data-testid="inbox-loading">
        <CircularProgress size={32} />
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.tasks.loading')}
        </Typography>
      </Stack>
    );
  }
  if (inbox.tasks.length === 0 && inbox.status === 'error') {
    return (
      <Alert
        severity="error"
        sx={{ m: 2 }}
        data-testid="inbox-error"
        action={
          <Button color="inherit" size="small" onClick={inbox.reload}>
            {translate('zhiben.tasks.retry')}
          </Button>
        }
      >
        {translate('zhiben.tasks.error')}: {inbox.error}
      </Alert>
    );
  }
  if (inbox.tasks.length === 0) {
    return <InboxEmpty view={view} unavailable={inbox.status === 'unavailable'} />;
  }
  return (
    <>
      <InboxTable tasks={inbox.tasks} />
      <Stack alignItems="center" spacing={1} sx={{ py: 2 }}>
        {inbox.status === 'error' ? (
          <Alert severity="error" data-testid="inbox-error">
            {translate('zhiben.tasks.error')}: {inbox.error}
          </Alert>
        ) : null}
        {inbox.hasMore ? (
          <Button
            variant="outlined"
            onClick={inbox.loadMore}
            disabled={inbox.loadingMore}
            startIcon={inbox.loadingMore ? <CircularProgress size={16} /> : undefined}
            data-testid="inbox-load-more"
          >
            {translate('zhiben.tasks.loadMore')}
          </Button>
        ) : (
          <Typography variant="caption" color="text.secondary" data-testid="inbox-all-loaded">
            {translate('zhiben.tasks.allLoaded', { count: inbox.tasks.length })}
          </Typography>
        )}
      </Stack>
    </>
  );
};

/** 我的待办: the user's task inbox in three views (mine, my groups, watched). */
export const MyTasks = () => {
  const translate = useTranslate();
  const [storedView, setView] = useStore<string>('zhiben.myTasks.view', 'mine');
  const view: InboxView = isInboxView(storedView) ? storedView : 'mine';
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }} data-testid="my-tasks">
      <Title title={translate('zhiben.tasks.title')} />
      <Card>
        <Tabs
          value={view}
          onChange={(_event, next: InboxView) => setView(next)}
          variant="scrollable"
          allowScrollButtonsMobile
          aria-label={translate('zhiben.tasks.title')}
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {INBOX_VIEWS.map((candidate) => (
            <Tab
              key={candidate}
              value={candidate}
              icon={VIEW_ICONS[candidate]}
              iconPosition="start"
              label={translate(`zhiben.tasks.views.${candidate}`)}
              data-testid={`inbox-tab-${candidate}`}
              sx={{ minHeight: 48 }}
            />
          ))}
        </Tabs>
        <InboxPanel view={view} />
      </Card>
    </Box>
  );
};
