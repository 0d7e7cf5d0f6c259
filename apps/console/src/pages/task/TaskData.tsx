import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TaskDetail } from '../../types';
import { HIDDEN_KEYS, fieldLabel, isEmpty, useShowValue } from './taskValues';

/** Keys of the step's own form: shown as inputs in the decision form, not here. */
const formKeys = (schema: Record<string, unknown> | null): Set<string> => {
  const properties = (schema as { properties?: Record<string, unknown> } | null)?.properties ?? schema ?? {};
  return new Set(Object.keys(properties));
};

/**
 * What the workflow put on the task for the decision (the extension asked for and why, who proposed
 * the listing, the rung and deadline of a ladder step…), above the decision form.
 */
export const TaskData = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const show = useShowValue(task);
  const skip = formKeys(task.formSchema);
  const entries = Object.entries(task.formData ?? {}).filter(
    ([key, value]) => !HIDDEN_KEYS.has(key) && !skip.has(key) && !isEmpty(value),
  );
  if (entries.length === 0) return null;
  return (
    <Box
      sx={{ mb: 2, p: 1.5, borderRadius: 1, bgcolor: 'action.hover', display: 'grid', gap: 0.5 }}
      data-testid="task-data"
    >
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '9em 1fr' }, gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {fieldLabel(translate, key)}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {show(key, value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
