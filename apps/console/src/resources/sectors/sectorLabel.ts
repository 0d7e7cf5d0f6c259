import { useLocale } from 'react-admin';
import type { Sector } from '../../types';

/** A sector's name in the UI language; the code stands in if the name is missing. */
export const useSectorLabel = (): ((sector: Sector | undefined) => string) => {
  const locale = useLocale();
  return (sector) => {
    if (!sector) return '';
    const name = locale === 'en' ? sector.nameEn || sector.nameZh : sector.nameZh || sector.nameEn;
    return name || sector.code;
  };
};
