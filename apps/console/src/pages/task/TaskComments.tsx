import { Alert, Avatar, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { TaskDetail } from '../../types';
import { useRefreshTask } from './useTask';

/** 评论: a discussion on the task beside the decision, for everyone who can see it. */
export const TaskComments = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefreshTask(task.id);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const post = async () => {
    if (body.trim() === '') return;
    setBusy(true);
    setFailure(null);
    try {
      await dataProvider.addComment(task.id, body.trim());
      setBody('');
      await refresh();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} data-testid="task-comments">
      {task.comments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.task.comments.empty')}
        </Typography>
      ) : (
        task.comments.map((comment) => (
          <Stack key={comment.id} direction="row" spacing={1.5} data-testid="task-comment">
            <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'primary.light' }}>
              {(comment.authorName ?? comment.author).slice(0, 1)}
            </Avatar>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">
                <strong>{comment.authorName ?? comment.author}</strong>{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  {formatDate(comment.createdAt, true)}
                </Typography>
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {comment.body}
              </Typography>
            </Box>
          </Stack>
        ))
      )}
      <Stack spacing={1}>
        <TextField
          multiline
          minRows={2}
          placeholder={translate('zhiben.task.comments.placeholder')}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'task-comment-input' } }}
        />
        {failure ? <Alert severity="error">{failure}</Alert> : null}
        <Box>
          <Button
            variant="outlined"
            size="small"
            disabled={busy || body.trim() === ''}
            onClick={() => void post()}
            startIcon={busy ? <CircularProgress size={14} /> : undefined}
            data-testid="task-comment-post"
          >
            {translate('zhiben.task.comments.post')}
          </Button>
        </Box>
      </Stack>
    </Stack>
  );
};
