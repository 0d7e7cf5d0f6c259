import { Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { onlyWhenOn } from '../../fields/filters';
import { useDateFormat } from '../../fields/useDateFormat';
import { listingStatusChoices } from '../hazards/hazardChoices';
import { ListingStatusChip } from '../hazards/HazardChips';
import type { Listing } from '../hazards/types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={listingStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn parse={onlyWhenOn} />,
];

const HazardCell = () => {
  const listing = useRecordContext<Listing>();
  if (!listing) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" fontWeight={500} data-testid="listing-title">
        {listing.title}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {listing.caseRef}
      </Typography>
    </Stack>
  );
};

const DeadlineCell = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  if (!listing?.noticeDeadlineAt) return <>—</>;
  if (listing.status === 'delisted' || listing.status === 'withdrawn') {
    return <DateText iso={listing.noticeDeadlineAt} />;
  }
  return (
    <DeadlineChip
      dueAt={listing.noticeDeadlineAt}
      label={translate('resources.listings.fields.noticeDeadlineAt')}
      countdown
      overdue={listing.overdue || listing.status === 'overdue'}
      data-testid="listing-deadline"
    />
  );
};

const DateText = ({ iso }: { iso: string }) => {
  const formatDate = useDateFormat();
  return <>{formatDate(iso)}</>;
};

const StatusCell = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  if (!listing) return null;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center">
      <ListingStatusChip status={listing.status} />
      {listing.overdue ? (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={translate('zhiben.tasks.overdue')}
          data-testid="listing-overdue"
        />
      ) : null}
    </Stack>
  );
};

const Column = DataTable.Col<Listing>;

/**
 * 挂牌督办: the hazards under listed supervision in the user's jurisdiction, with the 督办通知书 deadline
 * counting down; a row opens the hazard.
 */
export const ListingList = (props: Omit<ListProps, 'children'>) => (
  <List
    {...props}
    filters={filters}
    sort={{ field: 'noticeDeadlineAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
  >
    <DataTable
      rowClick={(_id, _resource, record) => `/hazards/${(record as Listing).hazardId}/show`}
      bulkActionButtons={false}
      data-testid="listing-list"
      sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
    >
      <Column source="title" label="resources.listings.fields.hazard">
        <HazardCell />
      </Column>
      <Column source="enterprise.name" label="resources.listings.fields.enterprise" disableSort />
      <Column source="town.name" label="resources.listings.fields.town" disableSort />
      <Column source="authority.name" label="resources.listings.fields.authority" disableSort />
      <Column source="noticeDeadlineAt">
        <DeadlineCell />
      </Column>
      <Column source="status">
        <StatusCell />
      </Column>
    </DataTable>
  </List>
);
