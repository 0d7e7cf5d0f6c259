import ClearAllIcon from '@mui/icons-material/ClearAll';
import SearchIcon from '@mui/icons-material/Search';
import {
  Autocomplete,
  Box,
  Button,
  FormControlLabel,
  InputAdornment,
  MenuItem,
  Switch,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import {
  INBOX_SORTS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_TYPES,
  type InboxFilters,
  type InboxSort,
  type OrgUnit,
} from '../../types';

const SEARCH_DEBOUNCE_MS = 400;

/** Sets or clears one filter; an empty value means "any" and leaves the key out. */
const withFilter = <K extends keyof InboxFilters>(
  filters: InboxFilters,
  key: K,
  value: InboxFilters[K] | '' | null | undefined,
): InboxFilters => {
  const next = { ...filters };
  if (value === '' || value === null || value === undefined || value === false) delete next[key];
  else next[key] = value;
  return next;
};

/** Free-text search, sent once the user pauses typing. */
const SearchField = ({ value, onChange }: { value: string; onChange: (q: string) => void }) => {
  const translate = useTranslate();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onChange(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <TextField
      size="small"
      fullWidth={false}
      value={text}
      onChange={(event) => setText(event.target.value)}
      placeholder={translate('zhiben.tasks.filters.q')}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
        htmlInput: { 'data-testid': 'inbox-filter-q', maxLength: 100 },
      }}
      sx={{ minWidth: 220 }}
    />
  );
};

/** 辖区: the jurisdiction (org unit) a task belongs to, picked by name, sent as its code. */
const OrgUnitFilter = ({ value, onChange }: { value?: string; onChange: (code?: string) => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const { data = [], isPending } = useGetList<OrgUnit>('org-units', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'code', order: 'ASC' },
    filter: input.trim() ? { q: input.trim() } : {},
  });
  const selected = data.find((unit) => unit.code === value) ?? null;
  return (
    <Autocomplete
      size="small"
      fullWidth={false}
      options={data}
      loading={isPending}
      value={selected ?? (value ? ({ code: value, name: value } as OrgUnit) : null)}
      getOptionLabel={(unit) => unit.name}
      isOptionEqualToValue={(option, current) => option.code === current.code}
      onChange={(_event, unit) => onChange(unit?.code)}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setInput(text);
      }}
      filterOptions={(options) => options}
      renderInput={(params) => <TextField {...params} label={translate('zhiben.tasks.filters.orgUnit')} />}
      sx={{ minWidth: 200 }}
      data-testid="inbox-filter-org-unit"
    />
  );
};

export interface InboxFilterBarProps {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
  sort: InboxSort;
  onSortChange: (sort: InboxSort) => void;
}

export const InboxFilterBar = ({ filters, onChange, sort, onSortChange }: InboxFilterBarProps) => {
  const translate = useTranslate();
  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K] | '' | null | undefined) =>
    onChange(withFilter(filters, key, value));
  const select = (
    key: 'type' | 'status' | 'priority',
    options: readonly string[],
    labelPrefix: string,
    minWidth = 130,
  ) => (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={translate(`zhiben.tasks.filters.${key}`)}
      value={filters[key] ?? ''}
      slotProps={{
        inputLabel: { shrink: true },
        select: {
          displayEmpty: true,
          SelectDisplayProps: { 'data-testid': `inbox-filter-${key}` } as object,
        },
      }}
      onChange={(event) => set(key, event.target.value as InboxFilters[typeof key])}
      sx={{ minWidth }}
    >
      <MenuItem value="">
        {translate(key === 'status' ? 'zhiben.tasks.filters.active' : 'zhiben.tasks.filters.any')}
      </MenuItem>
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {translate(`${labelPrefix}.${option}`, { _: option })}
        </MenuItem>
      ))}
    </TextField>
  );
  const active = Object.keys(filters).length > 0;
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 1.5,
        alignItems: 'center',
        px: 2,
        py: 1.5,
        '& .MuiFormControl-root': { my: 0 },
      }}
      data-testid="inbox-filters"
    >
      <SearchField value={filters.q ?? ''} onChange={(q) => set('q', q)} />
      {select('type', TASK_TYPES, 'zhiben.tasks.types', 180)}
      {select('status', TASK_STATUSES, 'zhiben.tasks.statuses')}
      {select('priority', TASK_PRIORITIES, 'zhiben.tasks.priorities')}
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        label={translate('zhiben.tasks.filters.dueBefore')}
        value={filters.dueBefore ?? ''}
        onChange={(event) => set('dueBefore', event.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'inbox-filter-due-before' } }}
      />
      <OrgUnitFilter value={filters.orgUnitCode} onChange={(code) => set('orgUnitCode', code)} />
      <TextField
        size="small"
        fullWidth={false}
        label={translate('zhiben.tasks.filters.campaign')}
        value={filters.campaignId ?? ''}
        onChange={(event) => set('campaignId', event.target.value.trim())}
        sx={{ width: 150 }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filters.overdue === true}
            onChange={(event) => set('overdue', event.target.checked)}
            color="error"
            slotProps={{ input: { 'data-testid': 'inbox-filter-overdue' } as object }}
          />
        }
        label={translate('zhiben.tasks.filters.overdue')}
      />
      <TextField
        select
        size="small"
        fullWidth={false}
        label={translate('zhiben.tasks.sort.label')}
        value={sort}
        onChange={(event) => onSortChange(event.target.value as InboxSort)}
        sx={{ minWidth: 150 }}
      >
        {INBOX_SORTS.map((option) => (
          <MenuItem key={option} value={option}>
            {translate(`zhiben.tasks.sort.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      {active ? (
        <Button size="small" startIcon={<ClearAllIcon />} onClick={() => onChange({})}>
          {translate('zhiben.tasks.filters.clear')}
        </Button>
      ) : null}
    </Box>
  );
};
