import { Stack, Typography } from '@mui/material';
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
import { onlyWhenOn } from '../../fields/filters';
import { useNow } from '../../fields/useNow';
import { referralStageChoices } from '../enforcement/choices';
import { ClockChip } from '../enforcement/DeadlineClock';
import { referralBoardSummary } from '../enforcement/deadlineClock';
import { ReferralStageChip } from '../enforcement/EnforcementChips';
import type { Referral } from '../enforcement/types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={referralStageChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn parse={onlyWhenOn} />,
];

const TitleCell = () => {
  const referral = useRecordContext<Referral>();
  const translate = useTranslate();
  if (!referral) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" fontWeight={500} data-testid="referral-title">
        {referral.title}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        <span style={{ fontFamily: 'monospace' }}>{referral.referralNo}</span> ·{' '}
        {translate(`zhiben.enforcement.crimes.${referral.suspectedCrime}`)}
      </Typography>
    </Stack>
  );
};

const StageCell = () => {
  const referral = useRecordContext<Referral>();
  return referral ? <ReferralStageChip stage={referral.stage} /> : null;
};

const NextClockCell = () => {
  const referral = useRecordContext<Referral>();
  const translate = useTranslate();
  const now = useNow(30_000);
  if (!referral) return null;
  const { next } = referralBoardSummary(referral, now);
  if (!next) return <>—</>;
  return (
    <ClockChip
      clock={next.clock}
      input={next.deadline}
      label={translate(`zhiben.enforcement.deadlines.${next.kind}`)}
    />
  );
};

const Column = DataTable.Col<Referral>;

/** 行刑衔接: referrals of the user's jurisdiction with the clock that falls due next. */
export const ReferralList = (props: Omit<ListProps, 'children'>) => (
  <List
    {...props}
    filters={filters}
    // An empty list keeps its toolbar (create button, filters) instead of react-admin's empty page.
    empty={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false} data-testid="referral-list">
      <Column source="title">
        <TitleCell />
      </Column>
      <Column source="stage">
        <StageCell />
      </Column>
      <Column source="enterprise.name" />
      <Column source="department.name" disableSort />
      <Column source="deadlines" disableSort>
        <NextClockCell />
      </Column>
    </DataTable>
  </List>
);
