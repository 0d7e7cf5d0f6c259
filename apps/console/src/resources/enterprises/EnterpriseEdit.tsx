import { Edit } from 'react-admin';
import { EnterpriseForm } from './EnterpriseForm';

// Pessimistic, so that a stale version or a server-side field error lands back on the open form.
export const EnterpriseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EnterpriseForm purpose="edit" />
  </Edit>
);
