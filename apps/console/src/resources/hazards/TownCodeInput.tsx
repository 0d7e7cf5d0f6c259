import { AutocompleteInput, useGetList, type AutocompleteInputProps } from 'react-admin';
import type { OrgUnit } from '../../types';
import { townLevelQueryOptions, useOrgUnitOptionText } from '../org-units/orgUnitKinds';

/**
 * 属地镇街 picked by name, stored as the unit's code (the ledger records towns by code). The towns of a
 * district are few, so they are loaded once and filtered locally.
 */
export const TownCodeInput = (props: Omit<AutocompleteInputProps, 'choices'>) => {
  const optionText = useOrgUnitOptionText();
  const { data = [], isPending } = useGetList<OrgUnit>('org-units', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
    ...townLevelQueryOptions,
  });
  return (
    <AutocompleteInput
      {...props}
      choices={data}
      isPending={isPending}
      optionValue="code"
      optionText={(unit: OrgUnit) => optionText(unit)}
    />
  );
};
