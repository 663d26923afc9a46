import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportStatus, statusForPhase } from './reportStatus';
import { enterPhase } from './phases';
import { docFields } from '../documentDoc';
import type { Actor } from '../comments/threadTypes';

const RITA: Actor = { id: 'rita', name: 'Rita', role: 'editor' };

describe('a report’s one status', () => {
  it('is the draft status while drafting, and the phase from the consultation on', () => {
    expect(reportStatus('ready-for-review', undefined)).toEqual({ by: 'draft', status: 'ready-for-review' });
    expect(reportStatus('bogus', 'drafting')).toEqual({ by: 'draft', status: 'outline' });
    expect(reportStatus('outline', 'consultation')).toEqual({ by: 'phase', phase: 'consultation' });
    expect(reportStatus('outline', 'final')).toEqual({ by: 'phase', phase: 'final' });
  });
  it('moves the stored draft status with the phase, so the export’s title page agrees', () => {
    expect(statusForPhase('final')).toBe('final');
    expect(statusForPhase('revision')).toBe('in-progress');
    expect(statusForPhase('consultation')).toBeNull();
    const doc = new Y.Doc();
    const f = docFields(doc);
    f.set('kind', 'draft');
    f.set('status', 'outline');
    enterPhase(doc, 'final', RITA, { today: '2025-03-01' });
    expect(f.get('status')).toBe('final');
    enterPhase(doc, 'revision', RITA, { today: '2025-03-02' });
    expect(f.get('status')).toBe('in-progress');
  });
});
