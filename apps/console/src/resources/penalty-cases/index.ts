import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import type { ResourceProps } from 'react-admin';
import { PenaltyCaseList } from './PenaltyCaseList';
import { PenaltyCaseShow } from './PenaltyCaseShow';

export const penaltyCases = {
  name: 'penalty-cases',
  list: PenaltyCaseList,
  show: PenaltyCaseShow,
  icon: GavelOutlinedIcon,
  recordRepresentation: 'caseNo',
} satisfies ResourceProps;
