import { Create } from 'react-admin';
import { OrgUnitForm } from './OrgUnitForm';

export const OrgUnitCreate = () => (
  <Create redirect="show">
    <OrgUnitForm purpose="create" defaultValues={{ sectors: [] }} />
  </Create>
);
