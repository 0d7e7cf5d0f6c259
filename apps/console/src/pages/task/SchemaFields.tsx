import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { fromShanghaiLocalInput, toShanghaiLocalInput } from '../../fields/shanghaiTime';
import { useBilingual } from '../../fields/useDateFormat';

/**
 * What a workflow says about a task's form (`formSchema`). Two spellings are understood: a JSON-Schema
 * object (`{ properties, required }`) and the hazard steps' flat map (`{ field: { type, title,
 * description, required } }`, title in Chinese and description in English). Fields are strings,
 * numbers, integers or booleans, with `enum` choices, `format: date | date-time | textarea` and
 * length/range limits.
 */
interface PropertySchema {
  required?: boolean;
  type?: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  titleZh?: string;
  titleEn?: string;
  description?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  format?: string;
  enum?: (string | number)[];
  enumLabelsZh?: string[];
  enumLabelsEn?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface ObjectSchema {
  type?: 'object';
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

export type FormValues = Record<string, unknown>;

const isPropertySchema = (value: unknown): value is PropertySchema =>
  typeof value === 'object' && value !== null && typeof (value as PropertySchema).type === 'string';

const propertiesOf = (schema: Record<string, unknown> | null | undefined): [string, PropertySchema][] => {
  if (!schema) return [];
  const { properties } = schema as ObjectSchema;
  if (properties) return Object.entries(properties);
  return Object.entries(schema).filter((entry): entry is [string, PropertySchema] =>
    isPropertySchema(entry[1]),
  );
};

const requiredOf = (schema: Record<string, unknown> | null | undefined): Set<string> => {
  const listed = (schema as ObjectSchema | null | undefined)?.required;
  const required = new Set(Array.isArray(listed) ? listed : []);
  for (const [name, property] of propertiesOf(schema)) if (property.required === true) required.add(name);
  return required;
};

/** Flat-map schemas put the English title in `description`. */
const labelsOf = (property: PropertySchema) => ({
  zh: property.titleZh ?? property.title,
  en:
    property.titleEn ??
    (property.titleZh || property.description === undefined ? property.title : property.description),
  help: { zh: property.descriptionZh, en: property.descriptionEn },
});

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'minLength' | 'maxLength' | 'minimum' | 'maximum'; limit: number }
  | { kind: 'number' };

/** Client-side check of the values against the schema; the server checks again. */
export const validateSchemaValues = (
  schema: Record<string, unknown> | null | undefined,
  values: FormValues,
): Record<string, FieldProblem> => {
  const problems: Record<string, FieldProblem> = {};
  const required = requiredOf(schema);
  for (const [name, property] of propertiesOf(schema)) {
    const value = values[name];
    if (isEmpty(value)) {
      if (required.has(name) && property.type !== 'boolean') problems[name] = { kind: 'required' };
      continue;
    }
    if (property.type === 'number' || property.type === 'integer') {
      const number = Number(value);
      if (!Number.isFinite(number) || (property.type === 'integer' && !Number.isInteger(number))) {
        problems[name] = { kind: 'number' };
      } else if (property.minimum !== undefined && number < property.minimum) {
        problems[name] = { kind: 'minimum', limit: property.minimum };
      } else if (property.maximum !== undefined && number > property.maximum) {
        problems[name] = { kind: 'maximum', limit: property.maximum };
      }
    } else if (typeof value === 'string') {
      if (property.minLength !== undefined && value.trim().length < property.minLength) {
        problems[name] = { kind: 'minLength', limit: property.minLength };
      } else if (property.maxLength !== undefined && value.length > property.maxLength) {
        problems[name] = { kind: 'maxLength', limit: property.maxLength };
      }
    }
  }
  return problems;
};

/** Values as the server wants them: numbers as numbers, empty fields left out. */
export const normaliseSchemaValues = (
  schema: Record<string, unknown> | null | undefined,
  values: FormValues,
): FormValues => {
  const result: FormValues = {};
  for (const [name, property] of propertiesOf(schema)) {
    const value = values[name];
    if (isEmpty(value)) continue;
    result[name] =
      property.type === 'number' || property.type === 'integer'
        ? Number(value)
        : property.format === 'date-time' && typeof value === 'string'
          ? (fromShanghaiLocalInput(value) ?? value)
          : typeof value === 'string'
            ? value.trim()
            : value;
  }
  return result;
};

/** The task's prefilled data, in the shape the inputs show (date-times as Beijing local time). */
export const initialSchemaValues = (
  schema: Record<string, unknown> | null | undefined,
  data: Record<string, unknown> | null | undefined,
): FormValues => {
  const values: FormValues = {};
  for (const [name, property] of propertiesOf(schema)) {
    const value = data?.[name];
    if (value === undefined || value === null) continue;
    values[name] =
      property.format === 'date-time' && typeof value === 'string' ? toShanghaiLocalInput(value) : value;
  }
  return values;
};

export const hasSchemaFields = (schema: Record<string, unknown> | null | undefined): boolean =>
  propertiesOf(schema).length > 0;

export interface SchemaFieldsProps {
  schema: Record<string, unknown> | null | undefined;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Already-translated messages per field (client or server). */
  errors: Record<string, string>;
  disabled?: boolean;
}

export const SchemaFields = ({ schema, values, onChange, errors, disabled }: SchemaFieldsProps) => {
  const bilingual = useBilingual();
  const required = requiredOf(schema);
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <Stack spacing={2} data-testid="task-form-fields">
      {propertiesOf(schema).map(([name, property]) => {
        const labels = labelsOf(property);
        const label = bilingual(labels.zh, labels.en) || name;
        const help = bilingual(labels.help.zh, labels.help.en);
        const error = errors[name];
        if (property.type === 'boolean') {
          return (
            <FormControlLabel
              key={name}
              control={
                <Checkbox
                  checked={values[name] === true}
                  onChange={(event) => set(name, event.target.checked)}
                  disabled={disabled}
                />
              }
              label={label}
            />
          );
        }
        const choices = property.enum;
        const inputType =
          property.format === 'date'
            ? 'date'
            : property.format === 'date-time'
              ? 'datetime-local'
              : property.type === 'number' || property.type === 'integer'
                ? 'number'
                : 'text';
        return (
          <TextField
            key={name}
            name={name}
            label={label}
            required={required.has(name)}
            select={choices !== undefined}
            type={choices ? undefined : inputType}
            multiline={property.format === 'textarea'}
            minRows={property.format === 'textarea' ? 3 : undefined}
            value={(values[name] as string | number | undefined) ?? ''}
            onChange={(event) => set(name, event.target.value)}
            error={error !== undefined}
            helperText={error ?? (help || undefined)}
            disabled={disabled}
            fullWidth
            slotProps={{
              inputLabel:
                inputType === 'date' || inputType === 'datetime-local' ? { shrink: true } : undefined,
              htmlInput: { 'data-testid': `task-form-${name}` },
            }}
          >
            {choices?.map((choice, index) => (
              <MenuItem key={String(choice)} value={choice}>
                {bilingual(property.enumLabelsZh?.[index], property.enumLabelsEn?.[index]) || String(choice)}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
    </Stack>
  );
};
