import {
  DeleteButton,
  EditButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { LocaleDateField } from '../../fields/LocaleDateField';
import { SectorName } from '../sectors';
import { enterpriseSizeChoices } from './enterpriseSizes';

// Edit and delete hide themselves for users without the admin role (authProvider.canAccess).
const EnterpriseShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
  </TopToolbar>
);

export const EnterpriseShow = () => (
  <Show actions={<EnterpriseShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" data-testid="enterprise-show-name" />
      <TextField source="creditCode" sx={{ fontFamily: 'monospace', letterSpacing: '0.05em' }} />
      <ReferenceField source="sector" reference="sectors" link={false}>
        <SectorName />
      </ReferenceField>
      <ReferenceField source="townId" reference="org-units" link="show" />
      <SelectField source="size" choices={enterpriseSizeChoices} />
      <TextField source="principal" />
      <TextField source="principalPhone" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <LocaleDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
