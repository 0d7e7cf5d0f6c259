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
  regex,
  required,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import type { OrgUnit } from '../../types';
import { useSectorLabel } from '../sectors';
import { orgUnitKindChoices, useOrgUnitOptionText } from './orgUnitKinds';

const searchByName = (q: string) => ({ q });

/** Same rule as the directory API: dot-separated lowercase segments, e.g. `jiangjin.jiasi`. */
const validateCode = [
  required(),
  maxLength(120),
  regex(/^[a-z0-9]+(\.[a-z0-9-]+)*$/, 'zhiben.validation.orgUnitCode'),
];

export interface OrgUnitFormProps extends Omit<SimpleFormProps, 'children'> {
  /** Code, kind and parent fix a unit's place in the tree: set at creation, read-only afterwards. */
  purpose: 'create' | 'edit';
}

/** The one form for creating and editing an org unit. */
export const OrgUnitForm = ({ purpose, ...props }: OrgUnitFormProps) => {
  const translate = useTranslate();
  const sectorLabel = useSectorLabel();
  const orgUnitOptionText = useOrgUnitOptionText();
  const placed = purpose === 'edit';
  return (
    <SimpleForm {...props}>
      <TextInput
        source="code"
        validate={placed ? undefined : validateCode}
        readOnly={placed}
        helperText={placed ? false : translate('zhiben.orgUnits.codeHelper')}
        data-testid="org-unit-code-input"
      />
      <TextInput source="name" validate={[required(), maxLength(100)]} data-testid="org-unit-name-input" />
      <TextInput source="nameEn" validate={maxLength(200)} />
      <SelectInput
        source="kind"
        choices={orgUnitKindChoices}
        validate={placed ? undefined : required()}
        readOnly={placed}
        data-testid="org-unit-kind-input"
      />
      <ReferenceInput source="parentId" reference="org-units" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          optionText={orgUnitOptionText}
          filterToQuery={searchByName}
          validate={placed ? undefined : required()}
          readOnly={placed}
        />
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
