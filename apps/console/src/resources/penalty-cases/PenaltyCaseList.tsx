import { Stack, Typography } from '@mui/material';
import {
  DataTable,
  List,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import { caseStageChoices } from '../enforcement/choices';
import { CaseStageChip } from '../enforcement/EnforcementChips';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import type { PenaltyCase } from '../enforcement/types';
import { EnterpriseCreditCodeInput } from '../hazards/HazardInputs';
import { TownCodeInput } from '../hazards/TownCodeInput';
import { DepartmentCodeInput } from './DepartmentCodeInput';

const useFilters = (official: boolean) =>
  [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="stage" source="stage" choices={caseStageChoices} alwaysOn />,
    official ? <DepartmentCodeInput key="departmentCode" source="departmentCode" alwaysOn /> : null,
    official ? <TownCodeInput key="townCode" source="townCode" /> : null,
    official ? <EnterpriseCreditCodeInput key="enterpriseCreditCode" source="enterpriseCreditCode" /> : null,
  ].filter((filter) => filter !== null);

const TitleCell = () => {
  const kase = useRecordContext<PenaltyCase>();
  const translate = useTranslate();
  if (!kase) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" fontWeight={500} data-testid="case-title">
        {kase.title}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {kase.caseNo}
        {kase.suspectedCrime ? ` · ${translate('resources.penalty-cases.fields.suspectedCrime')}` : ''}
      </Typography>
    </Stack>
  );
};

const StageCell = () => {
  const kase = useRecordContext<PenaltyCase>();
  return kase ? <CaseStageChip stage={kase.stage} /> : null;
};

const FiledCell = () => {
  const kase = useRecordContext<PenaltyCase>();
  const formatDate = useDateFormat();
  return kase ? <>{formatDate(kase.filedAt)}</> : null;
};

const FineCell = () => {
  const kase = useRecordContext<PenaltyCase>();
  return kase ? <>{kase.totalFineYuan > 0 ? kase.totalFineYuan.toLocaleString('zh-CN') : '—'}</> : null;
};

const Column = DataTable.Col<PenaltyCase>;

/** 行政处罚案件: filters by stage, department, town and enterprise (an enterprise sees its own). */
export const PenaltyCaseList = (props: Omit<ListProps, 'children'>) => {
  const { official } = useEnforcementRoles();
  const filters = useFilters(official);
  return (
    <List
      {...props}
      filters={filters}
      // An empty list keeps its toolbar (create button, filters) instead of react-admin's empty page.
      empty={false}
      sort={{ field: 'filedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="case-list">
        <Column source="title">
          <TitleCell />
        </Column>
        <Column source="stage">
          <StageCell />
        </Column>
        <Column source="enterprise.name" />
        <Column source="department.name" disableSort />
        <Column source="town.name" disableSort />
        <Column source="totalFineYuan" disableSort>
          <FineCell />
        </Column>
        <Column source="filedAt">
          <FiledCell />
        </Column>
      </DataTable>
    </List>
  );
};
