import { t } from './index';

/** A stakeholder group or region code in the interface language ('' for none). */
export const groupLabel = (code: string) => (code ? t(`group.${code}`) : '');
export const regionLabel = (code: string) => (code ? t(`region.${code}`) : '');
