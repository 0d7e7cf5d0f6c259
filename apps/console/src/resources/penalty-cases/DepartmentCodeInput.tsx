import { AutocompleteInput, useGetList, type AutocompleteInputProps } from 'react-admin';
import type { OrgUnit } from '../../types';

/** 执法部门 picked by name, stored as the unit's code (cases and referrals record departments by code). */
export const DepartmentCodeInput = (props: Omit<AutocompleteInputProps, 'choices'>) => {
  const { data = [], isPending } = useGetList<OrgUnit>('org-units', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
    filter: { kind: 'department' },
  });
  return (
    <AutocompleteInput {...props} choices={data} isPending={isPending} optionValue="code" optionText="name" />
  );
};
