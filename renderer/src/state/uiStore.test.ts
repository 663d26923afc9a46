import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiStore } from './uiStore';
import { initialUiState, MAX_TOASTS, withFilter, withToast, withoutToast } from './uiState';

describe('UI state', () => {
  afterEach(() => vi.useRealTimers());

  it('starts where the address points', () => {
    expect(initialUiState('#/w/w1/d/d2').route).toEqual({ screen: 'document', workspaceId: 'w1', docId: 'd2' });
    expect(initialUiState().route).toEqual({ screen: 'workspaces' });
  });

  it('keeps the newest toasts and removes one by id', () => {
    let toasts = withToast([], { id: 1, kind: 'info', text: 'a' });
    for (let id = 2; id <= 6; id++) toasts = withToast(toasts, { id, kind: 'error', text: String(id) });
    expect(toasts.map((t) => t.id)).toEqual([3, 4, 5, 6]);
    expect(toasts).toHaveLength(MAX_TOASTS);
    expect(withoutToast(toasts, 4).map((t) => t.id)).toEqual([3, 5, 6]);
  });

  it('merges filter patches', () => {
    expect(withFilter({ kind: 'meeting', query: 'a' }, { query: 'b' })).toEqual({ kind: 'meeting', query: 'b' });
  });

  it('each store is its own: info toasts expire, errors stay', () => {
    vi.useFakeTimers();
    const a = createUiStore(initialUiState());
    const b = createUiStore(initialUiState());
    a.getState().notify('info', 'saved');
    a.getState().notify('error', 'failed');
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['saved', 'failed']);
    expect(b.getState().toasts).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['failed']);
  });
});
