import {
  AutocompleteInput,
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
import { USCC_LENGTH, validateUscc } from '../../validation/uscc';
import { townLevelQueryOptions, useOrgUnitOptionText } from '../org-units/orgUnitKinds';
import { useSectorLabel } from '../sectors';
import { enterpriseSizeChoices } from './enterpriseSizes';

const searchByName = (q: string) => ({ q });

/** Credit codes are case-insensitive on paper but stored in upper case. */
const toCreditCode = (value: string | null | undefined): string => (value ?? '').trim().toUpperCase();

/** Same rule as the directory API: mobile or landline, with area code, extension or +86. */
const validatePhone = regex(/^[0-9+\-() ]{5,30}$/, 'zhiben.validation.phone');

export interface EnterpriseFormProps extends Omit<SimpleFormProps, 'children'> {
  /** The credit code identifies the enterprise: entered once, read-only afterwards. */
  purpose: 'create' | 'edit';
}

/** The one form for creating and editing an enterprise. */
export const EnterpriseForm = ({ purpose, ...props }: EnterpriseFormProps) => {
  const translate = useTranslate();
  const sectorLabel = useSectorLabel();
  const orgUnitOptionText = useOrgUnitOptionText();
  const registered = purpose === 'edit';
  return (
    <SimpleForm {...props}>
      <TextInput source="name" validate={[required(), maxLength(200)]} data-testid="enterprise-name-input" />
      <TextInput
        source="creditCode"
        parse={toCreditCode}
        validate={registered ? undefined : [required(), validateUscc]}
        readOnly={registered}
        helperText={registered ? false : translate('zhiben.enterprises.creditCodeHelper')}
        slotProps={{ htmlInput: { maxLength: USCC_LENGTH, autoCapitalize: 'characters', spellCheck: false } }}
        data-testid="enterprise-credit-code-input"
      />
      <ReferenceInput source="sector" reference="sectors" perPage={500}>
        <AutocompleteInput optionText={sectorLabel} filterToQuery={searchByName} validate={required()} />
      </ReferenceInput>
      <ReferenceInput
        source="townId"
        reference="org-units"
        sort={{ field: 'name', order: 'ASC' }}
        queryOptions={townLevelQueryOptions}
      >
        <AutocompleteInput
          optionText={orgUnitOptionText}
          filterToQuery={searchByName}
          validate={required()}
          helperText={translate('zhiben.enterprises.townHelper')}
        />
      </ReferenceInput>
      <SelectInput source="size" choices={enterpriseSizeChoices} validate={required()} />
      <TextInput source="principal" validate={[required(), maxLength(50)]} />
      <TextInput source="principalPhone" validate={validatePhone} />
      <TextInput source="address" validate={maxLength(300)} multiline fullWidth />
    </SimpleForm>
  );
};
