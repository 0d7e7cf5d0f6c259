import { Stack, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  SelectInput,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import { useNow } from '../../fields/useNow';
import { ClockChip } from '../enforcement/DeadlineClock';
import { TipKindChip, TipStatusChip, tipStatusChoices } from './TipChips';
import { tipQueueSummary } from './tipClocks';
import type { Tip } from './types';

/** tipline-service filters the queue by status (and pages it); nothing else is sent. */
const filters = [<SelectInput key="status" source="status" choices={tipStatusChoices} alwaysOn />];

const RefCell = () => {
  const tip = useRecordContext<Tip>();
  const translate = useTranslate();
  if (!tip) return null;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <Typography variant="body2" fontWeight={500} sx={{ fontFamily: 'monospace' }} data-testid="tip-ref">
        {tip.ref}
      </Typography>
      <Stack direction="row" spacing={0.5}>
        <TipKindChip kind={tip.kind} />
        <Typography variant="caption" color="text.secondary">
          {translate(tip.anonymous ? 'zhiben.tipline.queue.anonymous' : 'zhiben.tipline.queue.realName')}
        </Typography>
      </Stack>
    </Stack>
  );
};

const StatusCell = () => {
  const tip = useRecordContext<Tip>();
  return tip ? <TipStatusChip status={tip.status} /> : null;
};

const PlaceCell = () => {
  const tip = useRecordContext<Tip>();
  if (!tip) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2">{tip.enterprise?.name ?? '—'}</Typography>
      <Typography variant="caption" color="text.secondary">
        {tip.location}
      </Typography>
    </Stack>
  );
};

const NextClockCell = () => {
  const tip = useRecordContext<Tip>();
  const translate = useTranslate();
  const now = useNow(30_000);
  if (!tip) return null;
  const { next } = tipQueueSummary(tip, now);
  if (!next) return <>—</>;
  return (
    <ClockChip
      clock={next.clock}
      input={next.input}
      label={translate(`zhiben.tipline.deadlines.${next.kind}`)}
      data-testid="tip-next-clock"
    />
  );
};

const Column = DataTable.Col<Tip>;

/**
 * 举报核查: the tips of the user's unit with the legal clock that falls due next (acceptance, the 60-day
 * verification, the 10-day feedback, the reporter's claim window). Reporters appear as pseudonyms only.
 */
export const TipList = (props: Omit<ListProps, 'children'>) => (
  <List {...props} filters={filters} perPage={25} exporter={false} title="zhiben.tipline.queue.title">
    <DataTable rowClick="show" bulkActionButtons={false} data-testid="tip-list">
      <Column source="ref">
        <RefCell />
      </Column>
      <Column source="status" disableSort>
        <StatusCell />
      </Column>
      <Column source="receivedAt" disableSort>
        <DateField source="receivedAt" showTime />
      </Column>
      <Column source="enterprise.name" disableSort>
        <PlaceCell />
      </Column>
      <Column source="deadlines" disableSort>
        <NextClockCell />
      </Column>
    </DataTable>
  </List>
);
