import {
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import type { OrgUnit } from '../../types';
import { useSectorLabel } from '../sectors';
import { orgUnitKindChoices } from './orgUnitKinds';

const searchByName = (q: string) => ({ q });

/** The one form for creating and editing an org unit. */
export const OrgUnitForm = (props: Omit<SimpleFormProps, 'children'>) => {
  const translate = useTranslate();
  const sectorLabel = useSectorLabel();
  return (
    <SimpleForm {...props}>
      <TextInput source="code" validate={[required(), maxLength(64)]} data-testid="org-unit-code-input" />
      <TextInput source="name" validate={[required(), maxLength(100)]} data-testid="org-unit-name-input" />
      <TextInput source="nameEn" validate={maxLength(200)} />
      <SelectInput source="kind" choices={orgUnitKindChoices} validate={required()} data-testid="org-unit-kind-input" />
      <ReferenceInput source="parentId" reference="org-units" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={searchByName} />
      </ReferenceInput>
      <FormDataConsumer<OrgUnit>>
        {({ formData }) =>
          formData.kind === 'department' ? (
            <ReferenceArrayInput source="sectors" reference="sectors" perPage={500}>
              <AutocompleteArrayInput
                optionText={sectorLabel}
                filterToQuery={searchByName}
                helperText={translate('zhiben.orgUnits.sectorsHelper')}
              />
            </ReferenceArrayInput>
          ) : null
        }
      </FormDataConsumer>
    </SimpleForm>
  );
};
