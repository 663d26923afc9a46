import type { ExportThread } from '../exportInput';
import type { Stakeholder } from '../../model/stakeholders';
import type { RenderContext } from './context';

// Who said what, as the export shows it: "Jane Doe (ACME, Private sector)", or under Chatham House only the
// stakeholder group.

export interface Attribution {
  display: string;
  name: string;
  organisation: string;
  group: string;
  region: string;
}

export function attribution(t: ExportThread, ctx: RenderContext): Attribution {
  const { labels, opts } = ctx;
  const a = t.attribution;
  const group = a ? (labels.groups[a.group as Stakeholder['group']] ?? a.group) : '';
  const region = a ? (labels.regions[a.region as Stakeholder['region']] ?? a.region) : '';
  if (opts.chathamHouse) {
    const label = a ? labels.chathamName(group || labels.groups.other) : labels.participant;
    return { display: label, name: label, organisation: labels.withheld, group, region };
  }
  const name = a?.name || t.author;
  const org = a?.organisation ?? '';
  const details = [org, group].filter(Boolean).join(', ');
  return { display: details ? `${name} (${details})` : name, name, organisation: org, group, region };
}

/** A meeting participant's name under the current rule. */
export function participantName(s: Stakeholder | null, freeName: string, ctx: RenderContext): string {
  if (!ctx.opts.chathamHouse) return s ? s.name : freeName;
  return s ? ctx.redactor.stakeholderLabel(s) : ctx.labels.participant;
}
