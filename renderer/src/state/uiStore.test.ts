import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiStore } from './uiStore';
import { initialUiState, MAX_TOASTS, withFilter, withToast, withoutToast } from './uiState';

describe('UI state', () => {
  afterEach(() => vi.useRealTimers());

  it('starts where the address points', () => {
    expect(initialUiState('#/w/w1/d/d2').route).toEqual({ screen: 'document', workspaceId: 'w1', docId: 'd2' });
    expect(initialUiState().route).toEqual({ screen: 'workspaces' });
  });

  it('keeps at most three toasts, the newest, and removes one by id', () => {
    let toasts = withToast([], { id: 1, kind: 'info', text: 'a' });
    for (let id = 2; id <= 6; id++) toasts = withToast(toasts, { id, kind: 'error', text: String(id) });
    expect(MAX_TOASTS).toBe(3);
    expect(toasts.map((t) => t.id)).toEqual([4, 5, 6]);
    expect(withoutToast(toasts, 5).map((t) => t.id)).toEqual([4, 6]);
  });

  it('pushes out a toast without an action before one with an action', () => {
    const undo = { label: 'Undo', run: () => {} };
    let toasts = withToast([], { id: 1, kind: 'info', text: 'deleted', action: undo });
    for (let id = 2; id <= 4; id++) toasts = withToast(toasts, { id, kind: 'info', text: String(id) });
    expect(toasts.map((t) => t.id)).toEqual([1, 3, 4]);
  });

  it('merges filter patches', () => {
    expect(withFilter({ kind: 'meeting', query: 'a' }, { query: 'b' })).toEqual({ kind: 'meeting', query: 'b' });
  });

  it('each store is its own: toasts time out (errors later) unless they carry an action', () => {
    vi.useFakeTimers();
    const a = createUiStore(initialUiState());
    const b = createUiStore(initialUiState());
    a.getState().notify('info', 'saved');
    a.getState().notify('error', 'failed');
    a.getState().notify('info', 'deleted', { label: 'Undo', run: () => {} });
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['saved', 'failed', 'deleted']);
    expect(b.getState().toasts).toEqual([]);
    vi.advanceTimersByTime(6000);
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['failed', 'deleted']);
    vi.advanceTimersByTime(6000);
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['deleted']);
    vi.advanceTimersByTime(60_000);
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['deleted']);
  });

  it('holds toasts while the person is on them, then gives each its full time again', () => {
    vi.useFakeTimers();
    const a = createUiStore(initialUiState());
    a.getState().notify('info', 'saved');
    vi.advanceTimersByTime(5000);
    a.getState().holdToasts(true);
    vi.advanceTimersByTime(30_000);
    expect(a.getState().toasts.map((t) => t.text)).toEqual(['saved']);
    a.getState().holdToasts(false);
    vi.advanceTimersByTime(5999);
    expect(a.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(a.getState().toasts).toEqual([]);
  });
});
