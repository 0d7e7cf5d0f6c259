import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { onlyWhenOn } from '../../fields/filters';
import { useDateFormat } from '../../fields/useDateFormat';
import { useRoles } from '../../providers/roles';
import { SectorName, useSectorLabel } from '../sectors';
import { hazardGradeChoices, hazardSourceChoices, hazardStatusChoices } from './hazardChoices';
import { HazardGradeChip, HazardStatusChip } from './HazardChips';
import { TownCodeInput } from './TownCodeInput';
import type { Hazard } from './types';

const searchByName = (q: string) => ({ q });

/** Who may register a hazard (hazards-service: enterprise self-inspection, officials, inspectors). */
const REGISTER_ROLES = ['enterprise', 'official', 'inspector'];

const useHazardFilters = () => {
  const sectorLabel = useSectorLabel();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="grade" source="grade" choices={hazardGradeChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={hazardStatusChoices} alwaysOn />,
    <BooleanInput key="overdue" source="overdue" alwaysOn parse={onlyWhenOn} />,
    <ReferenceInput key="sector" source="sector" reference="sectors" perPage={500}>
      <AutocompleteInput optionText={sectorLabel} filterToQuery={searchByName} />
    </ReferenceInput>,
    <TownCodeInput key="townCode" source="townCode" />,
    <SelectInput key="source" source="source" choices={hazardSourceChoices} />,
  ];
};

const useMayRegister = (): boolean => {
  const { roles } = useRoles();
  return REGISTER_ROLES.some((role) => roles.includes(role));
};

const HazardListActions = () => {
  const mayRegister = useMayRegister();
  return (
    <TopToolbar>
      <FilterButton />
      {mayRegister ? (
        <CreateButton label="zhiben.hazards.registerAction" data-testid="hazard-register" />
      ) : null}
    </TopToolbar>
  );
};

/** An empty ledger is good news (动态清零); those who may register are offered the way in. */
const HazardEmpty = () => {
  const translate = useTranslate();
  const mayRegister = useMayRegister();
  return (
    <Box
      sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary', width: '100%' }}
      data-testid="hazard-empty"
    >
      <ReportProblemOutlinedIcon sx={{ fontSize: 64, color: 'action.disabled' }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate('zhiben.hazards.empty.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate(mayRegister ? 'zhiben.hazards.empty.register' : 'zhiben.hazards.empty.none')}
      </Typography>
      {mayRegister ? (
        <CreateButton
          variant="contained"
          label="zhiben.hazards.registerAction"
          data-testid="hazard-register"
        />
      ) : null}
    </Box>
  );
};

const TitleCell = () => {
  const hazard = useRecordContext<Hazard>();
  if (!hazard) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" fontWeight={500} data-testid="hazard-title">
        {hazard.title}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {hazard.caseRef}
      </Typography>
    </Stack>
  );
};

const DeadlineCell = () => {
  const hazard = useRecordContext<Hazard>();
  const translate = useTranslate();
  if (!hazard?.rectificationDeadline || hazard.status === 'closed') return <>—</>;
  return (
    <DeadlineChip
      dueAt={hazard.rectificationDeadline}
      label={translate('resources.hazards.fields.rectificationDeadline')}
      showLabel={false}
      overdue={hazard.overdue || hazard.status === 'overdue'}
    />
  );
};

const FoundOnCell = () => {
  const hazard = useRecordContext<Hazard>();
  const formatDate = useDateFormat();
  return <>{hazard ? formatDate(hazard.foundOn) : null}</>;
};

const Column = DataTable.Col<Hazard>;

/** 隐患台账: the ledger of the user's jurisdiction (an enterprise sees its own hazards only). */
export const HazardList = (props: Omit<ListProps, 'children'>) => {
  const filters = useHazardFilters();
  return (
    <List
      {...props}
      filters={filters}
      actions={<HazardListActions />}
      empty={<HazardEmpty />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        data-testid="hazard-list"
        sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
      >
        <Column source="title" label="resources.hazards.fields.title">
          <TitleCell />
        </Column>
        <Column source="grade">
          <GradeCell />
        </Column>
        <Column source="status">
          <StatusCell />
        </Column>
        <Column source="enterprise.name" label="resources.hazards.fields.enterprise" />
        <Column source="town.name" label="resources.hazards.fields.town" disableSort />
        <Column source="sector" disableSort>
          <ReferenceField source="sector" reference="sectors" link={false}>
            <SectorName />
          </ReferenceField>
        </Column>
        <Column source="rectificationDeadline">
          <DeadlineCell />
        </Column>
        <Column source="foundOn">
          <FoundOnCell />
        </Column>
      </DataTable>
    </List>
  );
};

const GradeCell = () => {
  const hazard = useRecordContext<Hazard>();
  return hazard ? <HazardGradeChip grade={hazard.grade} /> : null;
};

const StatusCell = () => {
  const hazard = useRecordContext<Hazard>();
  return hazard ? <HazardStatusChip status={hazard.status} /> : null;
};
