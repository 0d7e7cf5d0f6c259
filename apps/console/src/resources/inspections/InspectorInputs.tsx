import { Box } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required } from 'react-admin';

/**
 * The inspectors (or a referral's officers): username, name and, for inspectors, the 执法证号. A list
 * of at least two; the form's own check says so.
 */
export const PeopleInputs = ({
  source,
  label,
  certificate = false,
  testId,
}: {
  source: string;
  label: string;
  certificate?: boolean;
  testId?: string;
}) => (
  <Box data-testid={testId}>
    <ArrayInput source={source} label={label}>
      <SimpleFormIterator inline disableReordering>
        <TextInput
          source="username"
          label="zhiben.enforcement.inspection.inspectorUsername"
          validate={required()}
          helperText={false}
        />
        <TextInput
          source="name"
          label="zhiben.enforcement.inspection.inspectorName"
          validate={required()}
          helperText={false}
        />
        {certificate ? (
          <TextInput
            source="certificateNo"
            label="zhiben.enforcement.inspection.certificateNo"
            helperText={false}
          />
        ) : null}
      </SimpleFormIterator>
    </ArrayInput>
  </Box>
);
