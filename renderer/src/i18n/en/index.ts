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
import { exportEdges } from './exportEdges';
import { tracked } from './tracked';
import { versions } from './versions';
import { suggestions } from './suggestions';
import { compare } from './compare';

// Feature catalogs are merged here; keep ids unique across files (a test checks it). One part per line.
export const enParts: Record<string, Messages> = {
  core,
  sync,
  domain,
  fields,
  exchange,
  comments,
  network,
  queries,
  search,
  languages,
  roughEdges,
  exportEdges,
  tracked,
  versions,
  suggestions,
  compare,
};
export const en: Messages = Object.assign({}, ...Object.values(enParts)) as Messages;

/** The English catalog as a translate function, for code without an active locale (CLI, tests). */
export const englishT = (id: string, vars?: Record<string, string | number>): string => (vars ? translator('en').t(id, vars) : (en[id] ?? id));
