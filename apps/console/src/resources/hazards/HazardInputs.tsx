import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  FormDataConsumer,
  SelectInput,
  useDataProvider,
  useGetList,
  useInput,
  useLocale,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { Enterprise } from '../../types';
import type { HazardClause, HazardStandard } from './types';

/**
 * The enterprise a hazard belongs to, for officials: searched by name or credit code in the
 * directory (their jurisdiction only), stored as the credit code the ledger uses.
 */
export const EnterpriseCreditCodeInput = ({
  source,
  validate,
}: {
  source: string;
  validate?: Validator[];
}) => {
  const translate = useTranslate();
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList<Enterprise>('enterprises', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: search.trim() ? { q: search.trim() } : {},
  });
  const selected = data.find((enterprise) => enterprise.creditCode === field.value) ?? null;
  const error = fieldState.error?.message;
  return (
    <Autocomplete
      options={data}
      loading={isPending}
      value={selected}
      getOptionLabel={(enterprise) => enterprise.name}
      isOptionEqualToValue={(option, value) => option.creditCode === value.creditCode}
      filterOptions={(options) => options}
      onChange={(_event, enterprise) => field.onChange(enterprise?.creditCode ?? '')}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setSearch(text);
      }}
      renderOption={(props, enterprise) => (
        <Box component="li" {...props} key={enterprise.id}>
          <Box>
            <Typography variant="body2">{enterprise.name}</Typography>
            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
              {enterprise.creditCode} · {enterprise.townName ?? ''}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.hazards.fields.enterprise')}
          required={isRequired}
          error={error !== undefined}
          helperText={
            error ? translate(error, { _: error }) : translate('zhiben.hazards.register.enterpriseHelp')
          }
          onBlur={field.onBlur}
          slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': 'hazard-enterprise-input' } }}
        />
      )}
      sx={{ width: { xs: '100%', sm: 480 }, mb: 2 }}
    />
  );
};

export const useStandards = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['hazards', 'standards'],
    queryFn: ({ signal }) => dataProvider.getStandards(signal).then((r) => r.data),
    staleTime: Infinity,
  });
};

export const useClauses = (catalogueId: string | undefined) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['hazards', 'standards', catalogueId, 'clauses'],
    queryFn: ({ signal }) => dataProvider.getClauses(catalogueId!, signal).then((r) => r.data),
    enabled: Boolean(catalogueId),
    staleTime: Infinity,
  });
};

/** Required for 重大 hazards: a major hazard must cite the clause it was judged under. */
const requiredForMajor: Validator = (value, values: { grade?: string }) =>
  values?.grade === 'major' && !value ? 'zhiben.hazards.register.standardRequired' : undefined;

const ClauseInput = ({ catalogueId }: { catalogueId: string | undefined }) => {
  const locale = useLocale();
  const { data = [], isPending } = useClauses(catalogueId);
  return (
    <AutocompleteInput
      source="standard.clauseId"
      label="resources.hazards.fields.clause"
      choices={data}
      isPending={Boolean(catalogueId) && isPending}
      disabled={!catalogueId}
      optionText={(clause: HazardClause) => `${clause.article}${clause.item} ${clause.textZh}`}
      groupBy={(clause: HazardClause) => (locale === 'en' ? clause.groupEn : clause.groupZh)}
      validate={requiredForMajor}
      fullWidth
      helperText="zhiben.hazards.register.clauseHelp"
      data-testid="hazard-clause-input"
    />
  );
};

/** 判定标准 and clause: the catalogue, then the situation (情形) within it, grouped as published. */
export const StandardClauseInputs = () => {
  const locale = useLocale();
  const { data = [], isPending } = useStandards();
  return (
    <>
      <SelectInput
        source="standard.catalogueId"
        label="resources.hazards.fields.standard"
        choices={data}
        isPending={isPending}
        optionText={(standard: HazardStandard) =>
          locale === 'en'
            ? `${standard.titleEn} (${standard.instrument})`
            : `${standard.titleZh}（${standard.instrument}）`
        }
        validate={requiredForMajor}
        sx={{ minWidth: { xs: '100%', sm: 480 } }}
        data-testid="hazard-standard-input"
      />
      <FormDataConsumer<{ standard?: { catalogueId?: string } }>>
        {({ formData }) => <ClauseInput catalogueId={formData.standard?.catalogueId} />}
      </FormDataConsumer>
    </>
  );
};
