import { describe, expect, it } from 'vitest';
import { parseRoute, formatRoute, type Route } from './route';

describe('route', () => {
  it('round-trips every screen', () => {
    const routes: Route[] = [
      { screen: 'workspaces' },
      { screen: 'documents', workspaceId: 'w1' },
      { screen: 'document', workspaceId: 'w1', docId: 'd_2' },
      { screen: 'document', workspaceId: 'w1', docId: 'd_2', view: 'matrix' },
      { screen: 'stakeholders', workspaceId: 'w1' },
      { screen: 'settings', workspaceId: 'w1' },
      { screen: 'due', workspaceId: 'w1' },
      { screen: 'join', query: '?server=ws%3A%2F%2Fx&token=a.b' },
      { screen: 'digest', workspaceId: 'w1' },
      { screen: 'experts', workspaceId: 'w1' },
      { screen: 'profile', workspaceId: 'w1', stakeholderId: 's_1' },
      { screen: 'compare', workspaceId: 'w1', docId: 'd_2', from: 'v_1', to: 'current' },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });
  it('falls back to the workspace list on anything malformed', () => {
    expect(parseRoute('#/w/../etc')).toEqual({ screen: 'workspaces' });
    expect(parseRoute('')).toEqual({ screen: 'workspaces' });
    expect(parseRoute('#/w/ok/d/bad id')).toEqual({ screen: 'documents', workspaceId: 'ok' });
    expect(parseRoute('#/w/ok/profile/bad id')).toEqual({ screen: 'documents', workspaceId: 'ok' });
  });
});
