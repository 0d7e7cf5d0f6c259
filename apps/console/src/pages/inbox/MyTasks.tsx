import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  Checkbox,
  CircularProgress,
  Divider,
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
} from '@mui/material';
import { useState, type ReactElement } from 'react';
import { LinkBase, Title, useGetIdentity, useStore, useTranslate } from 'react-admin';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { PriorityChip } from '../../fields/PriorityChip';
import { useBilingual, useCodeLabel, useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleIdentity } from '../../providers/authProvider';
import {
  INBOX_SORTS,
  INBOX_VIEWS,
  type InboxFilters,
  type InboxSort,
  type InboxView,
  type Task,
} from '../../types';
import { BulkClaimButton, BulkClaimReport, useBulkClaim } from './BulkClaim';
import { InboxFilterBar } from './InboxFilterBar';
import { SavedViewsMenu } from './SavedViewsMenu';
import { useSavedViews } from './savedViews';
import { useInbox } from './useInbox';

const VIEW_ICONS: Record<InboxView, ReactElement> = {
  mine: <AssignmentTurnedInOutlinedIcon fontSize="small" />,
  groups: <GroupsOutlinedIcon fontSize="small" />,
  watched: <VisibilityOutlinedIcon fontSize="small" />,
};

const isInboxView = (value: unknown): value is InboxView =>
  typeof value === 'string' && (INBOX_VIEWS as readonly string[]).includes(value);
const isInboxSort = (value: unknown): value is InboxSort =>
  typeof value === 'string' && (INBOX_SORTS as readonly string[]).includes(value);

/** Only tasks nobody holds can be claimed. */
const claimable = (task: Task): boolean => task.status === 'open' && task.assignee === null;

const InboxEmpty = ({
  view,
  unavailable,
  filtered,
}: {
  view: InboxView;
  unavailable: boolean;
  filtered: boolean;
}) => {
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
        {translate(filtered ? 'zhiben.tasks.empty.filteredTitle' : 'zhiben.tasks.empty.title')}
      </Typography>
      <Typography variant="body2" sx={{ maxWidth: 460, mx: 'auto' }}>
        {translate(filtered ? 'zhiben.tasks.empty.filtered' : `zhiben.tasks.empty.${view}`)}
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

interface TaskRowProps {
  task: Task;
  selected: boolean;
  onToggle: () => void;
}

const TaskRow = ({ task, selected, onToggle }: TaskRowProps) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const codeLabel = useCodeLabel();
  const bilingual = useBilingual();
  const title = bilingual(task.title, task.titleEn);
  return (
    <TableRow
      hover
      selected={selected}
      data-testid="inbox-row"
      data-task-id={task.id}
      data-task-type={task.type}
    >
      <TableCell padding="checkbox">
        <Checkbox
          size="small"
          checked={selected && claimable(task)}
          disabled={!claimable(task)}
          onChange={onToggle}
          slotProps={{
            input: {
              'aria-label': translate('zhiben.tasks.bulk.select', { title }),
            } as object,
          }}
        />
      </TableCell>
      <TableCell>
        <Typography
          variant="body2"
          fontWeight={500}
          component={LinkBase}
          to={`/tasks/${task.id}`}
          sx={{ color: 'primary.main', textDecoration: 'none', '&:hover': { textDecoration: 'underline' } }}
          data-testid="inbox-row-title"
        >
          {title}
        </Typography>
        {task.caseRef ? (
          <Typography variant="caption" color="text.secondary" component="div">
            {task.caseRef}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>{codeLabel('zhiben.tasks.types', task.type)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{codeLabel('zhiben.tasks.statuses', task.status)}</TableCell>
      <TableCell>
        <PriorityChip priority={task.priority} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {task.dueAt && task.status !== 'closed' ? (
          <DeadlineChip
            dueAt={task.dueAt}
            label={translate('zhiben.tasks.columns.dueAt')}
            showLabel={false}
          />
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {task.followUpAt && task.status !== 'closed' ? (
          <DeadlineChip
            dueAt={task.followUpAt}
            label={translate('zhiben.tasks.columns.followUpAt')}
            showLabel={false}
            soft
          />
        ) : (
          '—'
        )}
      </TableCell>
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

interface InboxTableProps {
  tasks: Task[];
  selected: Set<string>;
  setSelected: (next: Set<string>) => void;
}

const InboxTable = ({ tasks, selected, setSelected }: InboxTableProps) => {
  const translate = useTranslate();
  const selectable = tasks.filter(claimable);
  const allSelected = selectable.length > 0 && selectable.every((task) => selected.has(task.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <TableContainer>
      <Table
        size="small"
        aria-label={translate('zhiben.tasks.title')}
        data-testid="inbox-table"
        sx={{ '& th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                size="small"
                disabled={selectable.length === 0}
                checked={allSelected}
                indeterminate={!allSelected && selected.size > 0}
                onChange={() =>
                  setSelected(allSelected ? new Set() : new Set(selectable.map((task) => task.id)))
                }
                slotProps={{ input: { 'aria-label': translate('zhiben.tasks.bulk.selectAll') } as object }}
              />
            </TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column}>{translate(`zhiben.tasks.columns.${column}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              selected={selected.has(task.id)}
              onToggle={() => toggle(task.id)}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

interface InboxPanelProps {
  view: InboxView;
  filters: InboxFilters;
  sort: InboxSort;
}

const InboxPanel = ({ view, filters, sort }: InboxPanelProps) => {
  const translate = useTranslate();
  const inbox = useInbox(view, filters, sort);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useBulkClaim();
  const report = <BulkClaimReport outcomes={bulk.outcomes} onClose={bulk.dismiss} />;
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
    return (
      <>
        <InboxEmpty
          view={view}
          unavailable={inbox.status === 'unavailable'}
          filtered={Object.keys(filters).length > 0}
        />
        {report}
      </>
    );
  }
  // Selection only ever holds tasks that are on screen and still claimable.
  const chosen = inbox.tasks.filter((task) => selected.has(task.id) && claimable(task));
  return (
    <>
      {chosen.length > 0 ? (
        <Stack
          direction="row"
          spacing={2}
          alignItems="center"
          sx={{ px: 2, py: 1, bgcolor: 'action.selected' }}
          data-testid="inbox-bulk-bar"
        >
          <Typography variant="body2">
            {translate('zhiben.tasks.bulk.selected', { count: chosen.length })}
          </Typography>
          <BulkClaimButton
            count={chosen.length}
            running={bulk.running}
            onClick={() => void bulk.run(chosen).then(() => setSelected(new Set()))}
          />
          <Button size="small" onClick={() => setSelected(new Set())}>
            {translate('zhiben.tasks.bulk.clear')}
          </Button>
        </Stack>
      ) : null}
      <InboxTable tasks={inbox.tasks} selected={selected} setSelected={setSelected} />
      {report}
      <Stack alignItems="center" spacing={1} sx={{ py: 2 }}>
        {inbox.status === 'error' ? (
          <Alert severity="error" data-testid="inbox-error">
            {translate('zhiben.tasks.error')}: {inbox.error}
          </Alert>
        ) : null}
        {inbox.hasMore && sort !== 'createdAt' ? (
          <Typography variant="caption" color="text.secondary" data-testid="inbox-sort-note">
            {translate('zhiben.tasks.sort.loadedOnly', { count: inbox.tasks.length })}
          </Typography>
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

/** 我的待办: the user's task inbox in three views (mine, my groups, watched), filtered and sorted. */
export const MyTasks = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const saved = useSavedViews((identity as ConsoleIdentity | undefined)?.username);
  const [storedView, setView] = useStore<string>('zhiben.myTasks.view', 'mine');
  const [filters, setFilters] = useStore<InboxFilters>('zhiben.myTasks.filters', {});
  const [storedSort, setSort] = useStore<string>('zhiben.myTasks.sort', 'createdAt');
  const view: InboxView = isInboxView(storedView) ? storedView : 'mine';
  const sort: InboxSort = isInboxSort(storedSort) ? storedSort : 'createdAt';
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }} data-testid="my-tasks">
      <Title title={translate('zhiben.tasks.title')} />
      <Card>
        <Stack
          direction="row"
          alignItems="center"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1, pr: 2 }}
        >
          <Tabs
            value={view}
            onChange={(_event, next: InboxView) => setView(next)}
            variant="scrollable"
            allowScrollButtonsMobile
            aria-label={translate('zhiben.tasks.title')}
            sx={{ flex: 1 }}
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
          <SavedViewsMenu
            saved={saved}
            current={{ view, filters, sort }}
            onApply={(applied) => {
              setView(applied.view);
              setFilters(applied.filters);
              setSort(applied.sort);
            }}
          />
        </Stack>
        <InboxFilterBar filters={filters} onChange={setFilters} sort={sort} onSortChange={setSort} />
        <Divider />
        {/* Keyed by view and filters: a new query starts with an empty selection. */}
        <InboxPanel
          key={`${view}:${JSON.stringify(filters)}:${sort}`}
          view={view}
          filters={filters}
          sort={sort}
        />
      </Card>
    </Box>
  );
};
