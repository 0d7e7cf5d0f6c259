import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import PanToolAltOutlinedIcon from '@mui/icons-material/PanToolAltOutlined';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { Task } from '../../types';
import { INBOX_QUERY_KEY } from './useInbox';

export interface ClaimOutcome {
  task: Task;
  error: string | null;
}

/** Claims run a few at a time: fast for a page of tasks, gentle on the server for a hundred. */
const CONCURRENCY = 4;

const claimAll = async (tasks: Task[], claim: (id: string) => Promise<unknown>): Promise<ClaimOutcome[]> => {
  const outcomes: ClaimOutcome[] = new Array<ClaimOutcome>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      try {
        await claim(task.id);
        outcomes[index] = { task, error: null };
      } catch (error) {
        outcomes[index] = { task, error: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tasks.length) }, worker));
  return outcomes;
};

/** Runs a bulk claim and keeps its per-task outcomes for the report. */
export const useBulkClaim = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<ClaimOutcome[] | null>(null);
  const run = async (tasks: Task[]) => {
    setRunning(true);
    try {
      setOutcomes(await claimAll(tasks, (id) => dataProvider.claimTask(id)));
    } finally {
      setRunning(false);
      await queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
    }
  };
  return { running, outcomes, run, dismiss: () => setOutcomes(null) };
};

export interface BulkClaimButtonProps {
  count: number;
  running: boolean;
  onClick: () => void;
}

/** 批量认领 (N): the action of the selection bar. */
export const BulkClaimButton = ({ count, running, onClick }: BulkClaimButtonProps) => {
  const translate = useTranslate();
  return (
    <Button
      variant="contained"
      size="small"
      disabled={running || count === 0}
      startIcon={running ? <CircularProgress size={16} color="inherit" /> : <PanToolAltOutlinedIcon />}
      onClick={onClick}
      data-testid="inbox-bulk-claim"
    >
      {translate('zhiben.tasks.bulk.claim', { count })}
    </Button>
  );
};

/**
 * The bulk claim's report: each task by name, claimed or why not (someone else claimed it first, it is
 * no longer open, it is outside the user's jurisdiction…), so a partial success is never presented as
 * a total one. Lives beside the list, not in the selection bar, which empties once the tasks are claimed.
 */
export const BulkClaimReport = ({
  outcomes,
  onClose,
}: {
  outcomes: ClaimOutcome[] | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const failed = outcomes?.filter((outcome) => outcome.error !== null) ?? [];
  const succeeded = (outcomes?.length ?? 0) - failed.length;
  return (
    <Dialog
      open={outcomes !== null}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      data-testid="bulk-claim-report"
    >
      <DialogTitle>{translate('zhiben.tasks.bulk.reportTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity={failed.length === 0 ? 'success' : succeeded === 0 ? 'error' : 'warning'}>
          {translate('zhiben.tasks.bulk.summary', { succeeded, failed: failed.length })}
        </Alert>
        <List dense>
          {(outcomes ?? []).map(({ task, error }) => (
            <ListItem key={task.id} data-testid={error ? 'bulk-claim-failed' : 'bulk-claim-succeeded'}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                {error ? (
                  <ErrorOutlineIcon color="error" fontSize="small" />
                ) : (
                  <CheckCircleOutlineIcon color="success" fontSize="small" />
                )}
              </ListItemIcon>
              <ListItemText
                primary={task.title}
                secondary={error ?? translate('zhiben.tasks.bulk.claimed')}
                slotProps={{ secondary: { color: error ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
