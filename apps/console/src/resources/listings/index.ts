import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import type { ResourceProps } from 'react-admin';
import { ListingList } from './ListingList';

export const listings = {
  name: 'listings',
  list: ListingList,
  icon: FlagOutlinedIcon,
  recordRepresentation: 'caseRef',
} satisfies ResourceProps;
