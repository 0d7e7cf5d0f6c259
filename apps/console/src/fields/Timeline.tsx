import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface TimelineItem {
  id: string;
  at: string;
  /** Who and what, in one line. */
  title: ReactNode;
  /** Decision, comment, what changed. */
  body?: ReactNode;
  color?: 'primary' | 'success' | 'warning' | 'error' | 'info' | 'grey';
  /** What happened, as a code (event type, history action), for tests and styling. */
  kind?: string;
}

/** A vertical timeline: a dot per event on a rail, time above, text beside. */
export const Timeline = ({
  items,
  formatTime,
  'data-testid': testId,
}: {
  items: TimelineItem[];
  formatTime: (iso: string) => string;
  'data-testid'?: string;
}) => (
  <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid={testId}>
    {items.map((item, index) => {
      const color = item.color === 'grey' || !item.color ? 'grey.400' : `${item.color}.main`;
      return (
        <Box
          component="li"
          key={item.id}
          sx={{ position: 'relative', pl: 3, pb: index === items.length - 1 ? 0 : 2 }}
          data-testid={testId ? `${testId}-item` : undefined}
          data-kind={item.kind}
        >
          {index < items.length - 1 ? (
            <Box
              aria-hidden
              sx={{ position: 'absolute', left: 5, top: 14, bottom: 0, width: 2, bgcolor: 'divider' }}
            />
          ) : null}
          <Box
            aria-hidden
            sx={{
              position: 'absolute',
              left: 0,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: color,
              boxShadow: (theme) => `0 0 0 3px ${theme.palette.background.paper}`,
            }}
          />
          <Typography variant="caption" color="text.secondary" component="div">
            {formatTime(item.at)}
          </Typography>
          <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
            {item.title}
          </Typography>
          {item.body ? (
            <Typography variant="body2" component="div" color="text.secondary" sx={{ mt: 0.25 }}>
              {item.body}
            </Typography>
          ) : null}
        </Box>
      );
    })}
  </Box>
);
