import {
  DataTable,
  DeleteButton,
  EditButton,
  Labeled,
  Pagination,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../fields/LocaleDateField';
import { TOWN_LEVEL_KINDS, type OrgUnit } from '../../types';
import { SectorChip } from '../sectors';
import { orgUnitKindChoices } from './orgUnitKinds';

// Edit and delete hide themselves for users without the admin role (authProvider.canAccess).
const OrgUnitShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
  </TopToolbar>
);

const SubordinateUnits = () => {
  const translate = useTranslate();
  return (
    <Labeled label={translate('zhiben.orgUnits.children')} fullWidth>
      <ReferenceManyField
        reference="org-units"
        target="parentId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={orgUnitKindChoices} />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
};

/** Enterprises whose territorial jurisdiction (所属镇街) is this unit. */
const TownEnterprises = () => {
  const record = useRecordContext<OrgUnit>();
  const translate = useTranslate();
  if (!record || !TOWN_LEVEL_KINDS.includes(record.kind)) return null;
  return (
    <Labeled label={translate('zhiben.orgUnits.enterprises')} fullWidth>
      <ReferenceManyField
        reference="enterprises"
        target="townId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="creditCode" />
          <DataTable.Col source="principal" />
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
};

const DepartmentSectors = () => {
  const record = useRecordContext<OrgUnit>();
  if (!record || (record.kind !== 'department' && record.sectors.length === 0)) return null;
  return (
    <Labeled source="sectors">
      <ReferenceArrayField source="sectors" reference="sectors">
        <SingleFieldList linkType={false}>
          <SectorChip />
        </SingleFieldList>
      </ReferenceArrayField>
    </Labeled>
  );
};

export const OrgUnitShow = () => (
  <Show actions={<OrgUnitShowActions />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" data-testid="org-unit-show-name" />
      <TextField source="nameEn" emptyText="—" />
      <SelectField source="kind" choices={orgUnitKindChoices} />
      <ReferenceField source="parentId" reference="org-units" link="show" emptyText="—" />
      <DepartmentSectors />
      <LocaleDateField source="updatedAt" showTime />
      <SubordinateUnits />
      <TownEnterprises />
    </SimpleShowLayout>
  </Show>
);
