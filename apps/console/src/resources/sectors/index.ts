export { SectorChip, SectorName } from './SectorName';
export { useSectorLabel } from './sectorLabel';
