import { Alert, CircularProgress, Typography } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Timeline, type TimelineItem } from '../../fields/Timeline';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { HazardEvent } from './types';

const colorOf = (type: string): TimelineItem['color'] => {
  if (type.startsWith('escalation.') || type === 'listing.notice' || type === 'listing.created')
    return 'error';
  if (type.endsWith('.failed') || type.endsWith('.returned') || type.endsWith('.rejected')) return 'warning';
  if (type.endsWith('.approved') || type.endsWith('.passed') || type === 'listing.announced')
    return 'success';
  if (type.startsWith('dualReport.')) return 'info';
  if (type === 'file.uploaded' || type === 'status.changed') return 'grey';
  return 'primary';
};

/**
 * 办理时间线: the case's whole history in plain sentences, as the workflow and the ledger recorded
 * it — registration, 双报告, plan versions and reviews, deadlines, every rung of the escalation ladder,
 * 挂牌督办 and delisting, acceptance and 销号.
 */
export const HazardTimeline = ({ query }: { query: UseQueryResult<HazardEvent[]> }) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
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
    .sort((a, b) => b.seq - a.seq)
    .map((event) => ({
      id: String(event.seq),
      kind: event.type,
      at: event.occurredAt,
      color: colorOf(event.type),
      title: bilingual(event.summaryZh, event.summaryEn),
      body: event.actor ? event.actor.name : undefined,
    }));
  return <Timeline items={items} formatTime={(iso) => formatDate(iso, true)} data-testid="hazard-timeline" />;
};
