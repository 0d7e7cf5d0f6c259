import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  type ListProps,
} from 'react-admin';
import { Stack, Typography } from '@mui/material';
import { useDateFormat } from '../../fields/useDateFormat';
import { inspectionKindChoices, inspectionStatusChoices } from '../enforcement/choices';
import { InspectionKindChip, InspectionStatusChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import type { Inspection } from '../enforcement/types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={inspectionKindChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={inspectionStatusChoices} alwaysOn />,
];

const Actions = () => {
  const { inspect } = useEnforcementRoles();
  return (
    <TopToolbar>
      {inspect ? (
        <CreateButton label="zhiben.enforcement.inspection.create" data-testid="inspection-create" />
      ) : null}
    </TopToolbar>
  );
};

const RefCell = () => {
  const inspection = useRecordContext<Inspection>();
  if (!inspection) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" fontWeight={500} data-testid="inspection-enterprise">
        {inspection.enterprise.name}
      </Typography>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ fontFamily: 'monospace' }}
        data-testid="inspection-ref"
      >
        {inspection.ref}
      </Typography>
    </Stack>
  );
};

const KindCell = () => {
  const inspection = useRecordContext<Inspection>();
  return inspection ? <InspectionKindChip kind={inspection.kind} /> : null;
};

const StatusCell = () => {
  const inspection = useRecordContext<Inspection>();
  return inspection ? <InspectionStatusChip status={inspection.status} /> : null;
};

const DateCell = () => {
  const inspection = useRecordContext<Inspection>();
  const formatDate = useDateFormat();
  if (!inspection) return null;
  return (
    <>
      {inspection.inspectedAt ? formatDate(inspection.inspectedAt, true) : formatDate(inspection.plannedOn)}
    </>
  );
};

const Column = DataTable.Col<Inspection>;

/** 执法检查: inspections of the user's jurisdiction (an enterprise sees only those of itself). */
export const InspectionList = (props: Omit<ListProps, 'children'>) => {
  return (
    <List
      {...props}
      filters={filters}
      // An empty list keeps its toolbar (create button, filters) instead of react-admin's empty page.
      empty={false}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="inspection-list">
        <Column source="enterprise.name">
          <RefCell />
        </Column>
        <Column source="kind">
          <KindCell />
        </Column>
        <Column source="status">
          <StatusCell />
        </Column>
        <Column source="department.name" disableSort />
        <Column source="town.name" disableSort />
        <Column source="inspectedAt">
          <DateCell />
        </Column>
      </DataTable>
    </List>
  );
};
