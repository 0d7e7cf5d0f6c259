import { Alert, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Timeline, type TimelineItem } from '../../fields/Timeline';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { EnforcementEventDto } from './types';

const colorOf = (type: string): TimelineItem['color'] => {
  if (/breach|escalat|refused|suspected|failed|declined|upheld|notApproved/i.test(type)) return 'error';
  if (/deadline|remind|return|reject/i.test(type)) return 'warning';
  if (/passed|closed|approved|registered|served|met|lifted/i.test(type)) return 'success';
  if (/document|file/i.test(type)) return 'grey';
  return 'primary';
};

/**
 * The case's or referral's history in plain sentences (the service writes them in Chinese and English):
 * filing, each decision, orders and measures, every clock met or breached. Polled, since the workflow
 * writes on its own clock.
 */
export const EnforcementTimeline = ({
  queryKey,
  load,
  testId,
}: {
  queryKey: readonly unknown[];
  load: (signal: AbortSignal) => Promise<{ data: EnforcementEventDto[] }>;
  testId: string;
}) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal).then((r) => r.data),
    refetchInterval: 15_000,
    retry: false,
  });
  if (query.isPending) return <CircularProgress size={24} />;
  if (query.isError) {
    return <Alert severity="warning">{translate('zhiben.hazards.timeline.unavailable')}</Alert>;
  }
  if (query.data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.hazards.timeline.empty')}
      </Typography>
    );
  }
  const items: TimelineItem[] = [...query.data]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((event) => ({
      id: event.id,
      kind: event.type,
      at: event.at,
      color: colorOf(event.type),
      title: bilingual(event.summaryZh, event.summaryEn),
      body: event.actor ? event.actor.name : undefined,
    }));
  return <Timeline items={items} formatTime={(iso) => formatDate(iso, true)} data-testid={testId} />;
};
