import { Edit } from 'react-admin';
import { OrgUnitForm } from './OrgUnitForm';

// Pessimistic, so that a stale version or a server-side field error lands back on the open form.
export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <OrgUnitForm purpose="edit" />
  </Edit>
);
