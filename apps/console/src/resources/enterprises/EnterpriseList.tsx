import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import type { Enterprise } from '../../types';
import { townLevelQueryOptions, useOrgUnitOptionText } from '../org-units/orgUnitKinds';
import { SectorName, useSectorLabel } from '../sectors';
import { enterpriseSizeChoices } from './enterpriseSizes';

const searchByName = (q: string) => ({ q });

const useEnterpriseFilters = () => {
  const sectorLabel = useSectorLabel();
  const orgUnitOptionText = useOrgUnitOptionText();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="sector" source="sector" reference="sectors" perPage={500}>
      <AutocompleteInput optionText={sectorLabel} filterToQuery={searchByName} />
    </ReferenceInput>,
    <ReferenceInput
      key="townId"
      source="townId"
      reference="org-units"
      sort={{ field: 'name', order: 'ASC' }}
      queryOptions={townLevelQueryOptions}
    >
      <AutocompleteInput optionText={orgUnitOptionText} filterToQuery={searchByName} />
    </ReferenceInput>,
    <SelectInput key="size" source="size" choices={enterpriseSizeChoices} />,
  ];
};

const Column = DataTable.Col<Enterprise>;

export const EnterpriseList = () => {
  const filters = useEnterpriseFilters();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="enterprise-list">
        <Column source="name">
          <TextField source="name" data-testid="enterprise-name" />
        </Column>
        <Column source="creditCode" />
        <Column source="sector" disableSort>
          <ReferenceField source="sector" reference="sectors" link={false}>
            <SectorName />
          </ReferenceField>
        </Column>
        <Column source="townName" disableSort />
        <Column source="size" disableSort>
          <SelectField source="size" choices={enterpriseSizeChoices} />
        </Column>
        <Column source="principal" disableSort />
      </DataTable>
    </List>
  );
};
