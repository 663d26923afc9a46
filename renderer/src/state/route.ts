// Screens are addressed by the URL hash, so a reload (or a browser invite link) lands on the same screen.
import { isIdShaped } from '../../../common/ids';

export type Route =
  | { screen: 'workspaces' }
  | { screen: 'documents'; workspaceId: string }
  | { screen: 'document'; workspaceId: string; docId: string; view?: 'matrix' | 'balance' }
  | { screen: 'stakeholders'; workspaceId: string }
  | { screen: 'settings'; workspaceId: string }
  | { screen: 'join'; query: string }
  | { screen: 'digest'; workspaceId: string }
  | { screen: 'experts'; workspaceId: string }
  | { screen: 'due'; workspaceId: string }
  | { screen: 'profile'; workspaceId: string; stakeholderId: string }
  /** Redline of version `from` against version `to` (`to` = 'current': the live text). Issue 12. */
  | { screen: 'compare'; workspaceId: string; docId: string; from: string; to: string };

const isVersionRef = (s: string | undefined): s is string => !!s && (s === 'current' || isIdShaped(s));


export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('/join?')) return { screen: 'join', query: h.slice('/join'.length) };
  const parts = h.split('/').filter(Boolean);
  if (parts[0] !== 'w' || !parts[1] || !isIdShaped(parts[1])) return { screen: 'workspaces' };
  const workspaceId = parts[1];
  if (parts[2] === 'd' && parts[3] && isIdShaped(parts[3])) {
    if (parts[4] === 'compare' && isVersionRef(parts[5]) && isVersionRef(parts[6]))
      return { screen: 'compare', workspaceId, docId: parts[3], from: parts[5], to: parts[6] };
    const view = parts[4] === 'matrix' || parts[4] === 'balance' ? parts[4] : undefined;
    return view ? { screen: 'document', workspaceId, docId: parts[3], view } : { screen: 'document', workspaceId, docId: parts[3] };
  }
  if (parts[2] === 'stakeholders') return { screen: 'stakeholders', workspaceId };
  if (parts[2] === 'settings') return { screen: 'settings', workspaceId };
  if (parts[2] === 'digest' || parts[2] === 'experts' || parts[2] === 'due') return { screen: parts[2], workspaceId };
  if (parts[2] === 'profile' && parts[3] && isIdShaped(parts[3])) return { screen: 'profile', workspaceId, stakeholderId: parts[3] };
  return { screen: 'documents', workspaceId };
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'workspaces':
      return '#/';
    case 'documents':
      return `#/w/${route.workspaceId}`;
    case 'document':
      return `#/w/${route.workspaceId}/d/${route.docId}${route.view ? `/${route.view}` : ''}`;
    case 'stakeholders':
      return `#/w/${route.workspaceId}/stakeholders`;
    case 'settings':
      return `#/w/${route.workspaceId}/settings`;
    case 'due':
      return `#/w/${route.workspaceId}/due`;
    case 'join':
      return `#/join${route.query}`;
    case 'digest':
    case 'experts':
      return `#/w/${route.workspaceId}/${route.screen}`;
    case 'profile':
      return `#/w/${route.workspaceId}/profile/${route.stakeholderId}`;
    case 'compare':
      return `#/w/${route.workspaceId}/d/${route.docId}/compare/${route.from}/${route.to}`;
  }
}

export const routeWorkspaceId = (route: Route): string | null => ('workspaceId' in route ? route.workspaceId : null);
