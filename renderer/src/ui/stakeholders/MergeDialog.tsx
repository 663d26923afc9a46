import { useState } from 'react';
import { Modal } from '../Modal';
import type { Stakeholder, StakeholderInput } from '../../model/stakeholders';
import { distinctNames, previewMerge, suggestKeep } from '../../model/stakeholderView';
import { t } from '../../i18n';

/** Choose which of two entries to keep, see the merged result, then merge. */
export function MergeDialog({ pair, onMerge, onClose }: { pair: [Stakeholder, Stakeholder]; onMerge: (keepId: string, dropId: string) => void; onClose: () => void }) {
  const [keepId, setKeepId] = useState(() => suggestKeep(pair[0], pair[1]).id);
  const keep = pair.find((s) => s.id === keepId) ?? pair[0];
  const drop = pair.find((s) => s.id !== keep.id) ?? pair[1];
  const result = previewMerge(keep, drop);
  // Two entries with the same name are told apart by organisation (then region, group).
  const [first, second] = distinctNames(pair[0], pair[1], t);
  const shown = (s: Stakeholder) => (s.id === pair[0].id ? first : second);

  return (
    <Modal title={t('stakeholders.mergeTitle')} onClose={onClose} wide>
      <div className="modal-body">
        <p className="muted">{t('stakeholders.mergeIntro')}</p>
        <fieldset className="merge-options">
          <legend>{t('stakeholders.mergeKeep')}</legend>
          {pair.map((s) => (
            // The whole card selects; the radio and its label remain the keyboard and screen reader control.
            <div key={s.id} className={`merge-option${s.id === keep.id ? ' selected' : ''}`} onClick={() => setKeepId(s.id)}>
              <input
                type="radio"
                id={`merge-keep-${s.id}`}
                name="merge-keep"
                value={s.id}
                checked={s.id === keep.id}
                onChange={() => setKeepId(s.id)}
                aria-describedby={`merge-details-${s.id}`}
              />
              <div>
                <label htmlFor={`merge-keep-${s.id}`} className="merge-option-name">
                  {shown(s)}
                </label>
                <StakeholderLines s={s} id={`merge-details-${s.id}`} />
              </div>
            </div>
          ))}
        </fieldset>
        <section className="merge-preview" aria-labelledby="merge-preview-heading">
          <h3 id="merge-preview-heading">{t('stakeholders.mergePreview')}</h3>
          <p className="merge-option-name">{result.name}</p>
          <StakeholderLines s={result} />
          <p className="muted small">{t('stakeholders.mergeEffect', { drop: shown(drop), keep: shown(keep) })}</p>
        </section>
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onMerge(keep.id, drop.id)}>
          {t('stakeholders.mergeConfirm')}
        </button>
      </div>
    </Modal>
  );
}

function StakeholderLines({ s, id }: { s: StakeholderInput; id?: string }) {
  return (
    <dl className="merge-lines" id={id}>
      <div>
        <dt>{t('stakeholder.organisation')}</dt>
        <dd>{s.organisation || '—'}</dd>
      </div>
      <div>
        <dt>{t('stakeholder.group')}</dt>
        <dd>{t(`group.${s.group}`)}</dd>
      </div>
      <div>
        <dt>{t('stakeholder.region')}</dt>
        <dd>{t(`region.${s.region}`)}</dd>
      </div>
      <div>
        <dt>{t('stakeholder.gender')}</dt>
        <dd>{s.gender ? t(`gender.${s.gender}`) : '—'}</dd>
      </div>
      <div>
        <dt>{t('stakeholder.themes')}</dt>
        <dd>{s.themes.length ? s.themes.join(', ') : '—'}</dd>
      </div>
    </dl>
  );
}
