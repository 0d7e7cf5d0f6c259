import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { LocaleDateField } from '../../fields/LocaleDateField';
import type { OrgUnit } from '../../types';
import { orgUnitKindChoices, useOrgUnitOptionText } from './orgUnitKinds';

const useOrgUnitFilters = () => {
  const orgUnitOptionText = useOrgUnitOptionText();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={orgUnitKindChoices} alwaysOn />,
    <ReferenceInput
      key="parentId"
      source="parentId"
      reference="org-units"
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput optionText={orgUnitOptionText} filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>,
  ];
};

const Column = DataTable.Col<OrgUnit>;

export const OrgUnitList = () => {
  const filters = useOrgUnitFilters();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="org-unit-list">
        <Column source="code" />
        <Column source="name">
          <TextField source="name" data-testid="org-unit-name" />
        </Column>
        <Column source="kind" disableSort>
          <SelectField source="kind" choices={orgUnitKindChoices} />
        </Column>
        <Column source="parentName" disableSort />
        <Column source="updatedAt" disableSort>
          <LocaleDateField source="updatedAt" />
        </Column>
      </DataTable>
    </List>
  );
};
