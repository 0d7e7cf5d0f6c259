import { Chip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Sector } from '../../types';
import { useSectorLabel } from './sectorLabel';

/** Renders the sector in the current record context (inside a ReferenceField). */
export const SectorName = () => {
  const sector = useRecordContext<Sector>();
  const label = useSectorLabel();
  return (
    <Typography component="span" variant="body2">
      {label(sector)}
    </Typography>
  );
};

/** Renders the sector as a chip (inside a ReferenceArrayField). */
export const SectorChip = () => {
  const sector = useRecordContext<Sector>();
  const label = useSectorLabel();
  return sector ? <Chip size="small" label={label(sector)} sx={{ mr: 0.5, mb: 0.5 }} /> : null;
};
