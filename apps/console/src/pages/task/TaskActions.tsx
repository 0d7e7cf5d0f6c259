import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import ForwardToInboxOutlinedIcon from '@mui/icons-material/ForwardToInboxOutlined';
import KeyboardReturnIcon from '@mui/icons-material/KeyboardReturn';
import PanToolAltOutlinedIcon from '@mui/icons-material/PanToolAltOutlined';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';
import ReplyAllOutlinedIcon from '@mui/icons-material/ReplyAllOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { TaskDetail } from '../../types';
import { useRefreshTask, useTaskAbilities } from './useTask';

/** Same rule as the tasks API: Keycloak usernames. */
const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

type PersonAction = 'assign' | 'transfer' | 'delegate' | 'resolve';

interface PersonDialogProps {
  action: PersonAction;
  task: TaskDetail;
  onClose: () => void;
}

/**
 * One dialog for the hand-overs: 指派 (a user; note optional), 转办 and 委派 (a user and a reason),
 * 完成委派 (a note back to the owner). The reason is part of the audit trail, hence required.
 */
const PersonDialog = ({ action, task, onClose }: PersonDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefreshTask(task.id);
  const [username, setUsername] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ username?: string; comment?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsUser = action !== 'resolve';
  const needsComment = action !== 'assign';

  const submit = async () => {
    const found: typeof errors = {};
    if (needsUser && !USERNAME.test(username.trim()))
      found.username = translate('zhiben.task.actions.usernameInvalid');
    if (needsComment && comment.trim() === '')
      found.comment = translate('zhiben.task.actions.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const user = username.trim();
      const note = comment.trim();
      switch (action) {
        case 'assign':
          await dataProvider.assignTask(task.id, user, note || undefined);
          break;
        case 'transfer':
          await dataProvider.transferTask(task.id, user, note);
          break;
        case 'delegate':
          await dataProvider.delegateTask(task.id, user, note);
          break;
        case 'resolve':
          await dataProvider.resolveTask(task.id, note);
          break;
      }
      notify(`zhiben.task.actions.${action}.done`, { type: 'success', messageArgs: { username: user } });
      await refresh();
      onClose();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth data-testid={`task-${action}-dialog`}>
      <DialogTitle>{translate(`zhiben.task.actions.${action}.title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate(`zhiben.task.actions.${action}.help`)}
        </DialogContentText>
        <Stack spacing={2}>
          {needsUser ? (
            <TextField
              autoFocus
              required
              label={translate('zhiben.task.actions.username')}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              error={errors.username !== undefined}
              helperText={errors.username ?? translate('zhiben.task.actions.usernameHelp')}
              slotProps={{ htmlInput: { 'data-testid': 'task-action-username', maxLength: 100 } }}
            />
          ) : null}
          <TextField
            autoFocus={!needsUser}
            required={needsComment}
            multiline
            minRows={2}
            label={translate(needsComment ? 'zhiben.task.actions.reason' : 'zhiben.task.actions.note')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            error={errors.comment !== undefined}
            helperText={errors.comment}
            slotProps={{ htmlInput: { 'data-testid': 'task-action-comment', maxLength: 4000 } }}
          />
          {failure ? <Alert severity="error">{failure}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() => void submit()}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          data-testid="task-action-confirm"
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const ICONS: Record<PersonAction, ReactElement> = {
  assign: <AssignmentIndOutlinedIcon />,
  transfer: <ForwardToInboxOutlinedIcon />,
  delegate: <PeopleOutlineIcon />,
  resolve: <ReplyAllOutlinedIcon />,
};

/**
 * The task's hand-over actions as APPROVALS.md lists them: 认领 / 取消认领, 指派, 转办, 委派 and
 * 完成委派, and 关注. Only what the user may do is offered (the server checks again).
 */
export const TaskActions = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefreshTask(task.id);
  const { can } = useTaskAbilities(task);
  const [dialog, setDialog] = useState<PersonAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (name: string, call: () => Promise<unknown>, done: string) => {
    setBusy(name);
    try {
      await call();
      notify(done, { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(null);
      await refresh();
    }
  };
  const spinner = (name: string) => (busy === name ? <CircularProgress size={16} color="inherit" /> : null);

  return (
    <Stack spacing={1} data-testid="task-actions">
      {can('claim') ? (
        <Button
          variant="contained"
          startIcon={spinner('claim') ?? <PanToolAltOutlinedIcon />}
          disabled={busy !== null}
          onClick={() =>
            void run('claim', () => dataProvider.claimTask(task.id), 'zhiben.task.actions.claimed')
          }
          data-testid="task-claim"
        >
          {translate('zhiben.task.actions.claim')}
        </Button>
      ) : null}
      {can('unclaim') ? (
        <Button
          variant="outlined"
          startIcon={spinner('unclaim') ?? <KeyboardReturnIcon />}
          disabled={busy !== null}
          onClick={() =>
            void run('unclaim', () => dataProvider.unclaimTask(task.id), 'zhiben.task.actions.unclaimed')
          }
          data-testid="task-unclaim"
        >
          {translate('zhiben.task.actions.unclaim')}
        </Button>
      ) : null}
      {(['resolve', 'transfer', 'delegate', 'assign'] as const).map((action) =>
        can(action) ? (
          <Button
            key={action}
            variant={action === 'resolve' ? 'contained' : 'outlined'}
            startIcon={ICONS[action]}
            disabled={busy !== null}
            onClick={() => setDialog(action)}
            data-testid={`task-${action}`}
          >
            {translate(`zhiben.task.actions.${action}.button`)}
          </Button>
        ) : null,
      )}
      <Button
        variant="text"
        startIcon={
          spinner('watch') ?? (task.watching ? <VisibilityOffOutlinedIcon /> : <VisibilityOutlinedIcon />)
        }
        disabled={busy !== null}
        onClick={() =>
          void run(
            'watch',
            () => dataProvider.watchTask(task.id, !task.watching),
            task.watching ? 'zhiben.task.actions.unwatched' : 'zhiben.task.actions.watched',
          )
        }
        data-testid="task-watch"
        data-watching={task.watching ? 'true' : 'false'}
      >
        {translate(task.watching ? 'zhiben.task.actions.unwatch' : 'zhiben.task.actions.watch')}
      </Button>
      {dialog ? <PersonDialog action={dialog} task={task} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
};
