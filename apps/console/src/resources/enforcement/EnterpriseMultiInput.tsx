import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useInput, useTranslate, type Validator } from 'react-admin';
import type { Enterprise } from '../../types';

/**
 * Several enterprises of the user's jurisdiction, searched by name or credit code in the directory and
 * stored as credit codes (a plan's targets or a draw's candidates).
 */
export const EnterpriseMultiInput = ({
  source,
  label,
  helperText,
  validate,
}: {
  source: string;
  label: string;
  helperText?: string;
  validate?: Validator[];
}) => {
  const translate = useTranslate();
  const { field, fieldState, isRequired } = useInput({ source, validate, defaultValue: [] });
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, Enterprise>>({});
  const { data = [], isPending } = useGetList<Enterprise>('enterprises', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: search.trim() ? { q: search.trim() } : {},
  });
  const codes = (Array.isArray(field.value) ? field.value : []) as string[];
  const selected = codes.map(
    (code) =>
      known[code] ??
      data.find((e) => e.creditCode === code) ??
      ({ creditCode: code, name: code } as Enterprise),
  );
  const error = fieldState.error?.message;
  return (
    <Autocomplete
      multiple
      options={data}
      loading={isPending}
      value={selected}
      getOptionLabel={(enterprise) => enterprise.name}
      isOptionEqualToValue={(option, value) => option.creditCode === value.creditCode}
      filterOptions={(options) => options}
      onChange={(_event, enterprises) => {
        setKnown((previous) => ({
          ...previous,
          ...Object.fromEntries(enterprises.map((e) => [e.creditCode, e])),
        }));
        field.onChange(enterprises.map((e) => e.creditCode));
      }}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setSearch(text);
      }}
      renderOption={(props, enterprise) => (
        <Box component="li" {...props} key={enterprise.creditCode}>
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
          label={translate(label)}
          required={isRequired}
          error={error !== undefined}
          helperText={error ? translate(error, { _: error }) : helperText ? translate(helperText) : undefined}
          onBlur={field.onBlur}
          slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': `${source}-input` } }}
        />
      )}
      sx={{ width: { xs: '100%', sm: 560 }, mb: 2 }}
    />
  );
};
