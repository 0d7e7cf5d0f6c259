import {
  CreateButton,
  DataTable,
  List,
  SelectInput,
  TopToolbar,
  useRecordContext,
  type ListProps,
} from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import { inspectionKindChoices } from '../enforcement/choices';
import { InspectionKindChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import type { InspectionPlan } from '../enforcement/types';

const filters = [<SelectInput key="kind" source="kind" choices={inspectionKindChoices} alwaysOn />];

const Actions = () => {
  const { inspect } = useEnforcementRoles();
  return (
    <TopToolbar>
      {inspect ? <CreateButton label="zhiben.enforcement.plan.create" data-testid="plan-create" /> : null}
    </TopToolbar>
  );
};

const KindCell = () => {
  const plan = useRecordContext<InspectionPlan>();
  return plan ? <InspectionKindChip kind={plan.kind} /> : null;
};

const PeriodCell = () => {
  const plan = useRecordContext<InspectionPlan>();
  const formatDate = useDateFormat();
  return plan ? (
    <>
      {formatDate(plan.period.from)} — {formatDate(plan.period.to)}
    </>
  ) : null;
};

const DrawCell = () => {
  const plan = useRecordContext<InspectionPlan>();
  const formatDate = useDateFormat();
  if (!plan || plan.kind !== 'randomDraw') return <>—</>;
  return <>{plan.draw ? formatDate(plan.draw.drawnAt, true) : '…'}</>;
};

const Column = DataTable.Col<InspectionPlan>;

/** 检查计划: the department's annual/monthly plans and 双随机 draws. */
export const InspectionPlanList = (props: Omit<ListProps, 'children'>) => (
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
    <DataTable rowClick="show" bulkActionButtons={false} data-testid="plan-list">
      <Column source="title" />
      <Column source="kind">
        <KindCell />
      </Column>
      <Column source="department.name" disableSort />
      <Column source="period" disableSort>
        <PeriodCell />
      </Column>
      <Column source="draw" disableSort>
        <DrawCell />
      </Column>
      <Column source="inspectionCount" disableSort />
    </DataTable>
  </List>
);
