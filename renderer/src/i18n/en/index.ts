import { translator, type Messages } from '../index';
import { core, sync } from './core';
import { domain } from './domain';
import { fields } from './fields';
import { exchange } from './exchange';
import { comments } from './comments';
import { network } from './network';
import { queries } from './queries';
import { search } from './search';
import { languages } from './languages';
import { roughEdges } from './roughEdges';

// Feature catalogs are merged here; keep ids unique across files (a test checks it).
export const en: Messages = { ...core, ...sync, ...domain, ...fields, ...exchange, ...comments, ...network, ...queries, ...search, ...languages, ...roughEdges };
export const enParts: Record<string, Messages> = { core, sync, domain, fields, exchange, comments, network, queries, search, languages, roughEdges };

/** The English catalog as a translate function, for code without an active locale (CLI, tests). */
export const englishT = (id: string, vars?: Record<string, string | number>): string => (vars ? translator('en').t(id, vars) : (en[id] ?? id));
