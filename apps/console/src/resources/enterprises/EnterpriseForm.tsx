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
import { townLevelFilter } from '../org-units/orgUnitKinds';
import { useSectorLabel } from '../sectors';
import { enterpriseSizeChoices } from './enterpriseSizes';

const searchByName = (q: string) => ({ q });

/** Credit codes are case-insensitive on paper but stored in upper case. */
const toCreditCode = (value: string | null | undefined): string => (value ?? '').trim().toUpperCase();

/** Mobile or landline, with optional area code, extension or +86. */
const validatePhone = regex(/^[0-9+\-() ]{7,20}$/, 'zhiben.validation.phone');

/** The one form for creating and editing an enterprise. */
export const EnterpriseForm = (props: Omit<SimpleFormProps, 'children'>) => {
  const translate = useTranslate();
  const sectorLabel = useSectorLabel();
  return (
    <SimpleForm {...props}>
      <TextInput source="name" validate={[required(), maxLength(200)]} data-testid="enterprise-name-input" />
      <TextInput
        source="creditCode"
        parse={toCreditCode}
        validate={[required(), validateUscc]}
        helperText={translate('zhiben.enterprises.creditCodeHelper')}
        slotProps={{ htmlInput: { maxLength: USCC_LENGTH, autoCapitalize: 'characters', spellCheck: false } }}
        data-testid="enterprise-credit-code-input"
      />
      <ReferenceInput source="sector" reference="sectors" perPage={500}>
        <AutocompleteInput optionText={sectorLabel} filterToQuery={searchByName} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="townId" reference="org-units" filter={townLevelFilter} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={searchByName} validate={required()} />
      </ReferenceInput>
      <SelectInput source="size" choices={enterpriseSizeChoices} validate={required()} />
      <TextInput source="principal" validate={[required(), maxLength(50)]} />
      <TextInput source="principalPhone" validate={validatePhone} />
      <TextInput source="address" validate={maxLength(300)} multiline fullWidth />
    </SimpleForm>
  );
};
