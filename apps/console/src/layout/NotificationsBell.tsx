import NotificationsNoneOutlinedIcon from '@mui/icons-material/NotificationsNoneOutlined';
import NotificationsActiveOutlinedIcon from '@mui/icons-material/NotificationsActiveOutlined';
import {
  Badge,
  Box,
  Button,
  Chip,
  CircularProgress,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Stack,
  Tooltip,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNavigate, useTranslate } from 'react-admin';
import { useBilingual, useDateFormat } from '../fields/useDateFormat';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { TaskNotification } from '../types';

const NOTIFICATIONS_KEY = ['tasks', 'notifications'] as const;
/** New 催办 and 督办 notices show up within this long without a reload. */
const POLL_MS = 30_000;

const KIND_COLORS: Record<string, ChipProps['color']> = {
  reminder: 'warning',
  overdue: 'error',
  escalation: 'error',
  task: 'primary',
  assigned: 'primary',
  transferred: 'primary',
  delegated: 'primary',
  resolved: 'success',
};

/**
 * 消息 in the app bar: 催办 reminders, 逾期/督办 notices and task hand-overs, polled while the console
 * is open. Opening one marks it read and goes to its task.
 */
export const NotificationsBell = () => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  const { data, isPending, isError } = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) => dataProvider.getNotifications(signal),
    refetchInterval: POLL_MS,
    // A tasks service that is not deployed yet must not fill the console with errors.
    retry: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => dataProvider.markNotificationRead(id),
    onSettled: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => dataProvider.markAllNotificationsRead(),
    onSettled: refresh,
  });

  const unread = data?.unreadCount ?? 0;
  const open = (notification: TaskNotification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    setAnchor(null);
    if (notification.taskId) navigate(`/tasks/${notification.taskId}`);
  };

  return (
    <>
      <Tooltip title={translate('zhiben.notifications.title')}>
        <IconButton
          color="inherit"
          onClick={(event) => setAnchor(event.currentTarget)}
          aria-label={translate('zhiben.notifications.open', { count: unread })}
          data-testid="notifications-bell"
        >
          <Badge badgeContent={unread} color="error" max={99} data-testid="notifications-unread">
            {unread > 0 ? <NotificationsActiveOutlinedIcon /> : <NotificationsNoneOutlinedIcon />}
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 400, maxWidth: '95vw' } } }}
      >
        <Stack
          direction="row"
          alignItems="center"
          justifyContent="space-between"
          sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
        >
          <Typography variant="subtitle1" fontWeight={600}>
            {translate('zhiben.notifications.title')}
          </Typography>
          <Button
            size="small"
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-read-all"
          >
            {translate('zhiben.notifications.readAll')}
          </Button>
        </Stack>
        {isPending ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress size={24} />
          </Box>
        ) : isError ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('zhiben.notifications.unavailable')}
          </Typography>
        ) : data.data.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('zhiben.notifications.empty')}
          </Typography>
        ) : (
          <List
            dense
            disablePadding
            sx={{ maxHeight: 440, overflowY: 'auto' }}
            data-testid="notifications-list"
          >
            {data.data.map((notification) => (
              <ListItemButton
                key={notification.id}
                onClick={() => open(notification)}
                divider
                sx={{ alignItems: 'flex-start', bgcolor: notification.readAt ? undefined : 'action.hover' }}
                data-testid="notification"
                data-kind={notification.kind}
              >
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} alignItems="center">
                      <Chip
                        size="small"
                        color={KIND_COLORS[notification.kind] ?? 'default'}
                        label={translate(`zhiben.notifications.kinds.${notification.kind}`, {
                          _: notification.kind,
                        })}
                      />
                      <Typography variant="caption" color="text.secondary">
                        {formatDate(notification.createdAt, true)}
                      </Typography>
                    </Stack>
                  }
                  secondary={bilingual(notification.messageZh, notification.messageEn)}
                  slotProps={{
                    secondary: {
                      color: 'text.primary',
                      sx: { mt: 0.5, fontWeight: notification.readAt ? 400 : 600 },
                    },
                  }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </Popover>
    </>
  );
};
