import { DateField, useLocale, type DateFieldProps } from 'react-admin';

/**
 * A DateField that formats in the UI language rather than the browser's, on Beijing time: deadlines in
 * Zhiben are calendar days in Asia/Shanghai wherever the viewer sits.
 */
export const LocaleDateField = ({ options, ...props }: DateFieldProps) => {
  const locale = useLocale();
  return <DateField locales={locale} options={{ timeZone: 'Asia/Shanghai', ...options }} {...props} />;
};
