import * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { docFields, fieldText, getString, setField } from '../../../model/documentDoc';
import { isOneOf, MEETING_FORMATS } from '../../../model/kinds';
import { useY } from '../../hooks';
import { formatDate, t } from '../../../i18n';
import { CommitInput } from './CommitInput';
import { DocChoiceField, DocDateField } from './DocFieldInputs';
import { YTextArea } from './YTextArea';
import { Participants } from './Participants';
import { ActionPoints } from './ActionPoints';
import { ReadOnlyField } from './ReadOnlyField';
import { useMetaDate } from './useMetaDate';

/** Structured fields of a meeting summary: when and where, who took part, agenda, key messages, action points. */
export function MeetingFields({ doc }: { doc: Y.Doc }) {
  const { canEdit } = useWorkspace();
  const fields = docFields(doc);
  const basics = useY(fields, () => {
    const format = fields.get('format');
    const agenda = fields.get('agenda');
    const keyMessages = fields.get('keyMessages');
    return {
      date: getString(doc, 'date'),
      format: isOneOf(MEETING_FORMATS, format) ? format : 'in-person',
      location: getString(doc, 'location'),
      agenda: agenda instanceof Y.Text ? agenda : null,
      keyMessages: keyMessages instanceof Y.Text ? keyMessages : null,
    };
  });
  const syncMetaDate = useMetaDate(doc);

  return (
    <section className="fields-panel meeting-fields" aria-labelledby="meeting-fields-heading">
      <h2 id="meeting-fields-heading" className="fields-heading">
        {t('meeting.details')}
      </h2>
      <div className="fields-grid meeting-grid">
        {canEdit ? (
          <>
            <DocDateField doc={doc} field="date" label={t('meeting.date')} value={basics.date} onDate={syncMetaDate} />
            <DocChoiceField doc={doc} field="format" label={t('meeting.format')} value={basics.format} values={MEETING_FORMATS} prefix="format" />
            <label className="field">
              <span className="field-label">{t('meeting.location')}</span>
              <CommitInput value={basics.location} placeholder={t('meeting.locationPlaceholder')} onCommit={(v) => setField(doc, 'location', v.trim())} />
            </label>
          </>
        ) : (
          <>
            <ReadOnlyField label={t('meeting.date')} value={formatDate(basics.date)} />
            <ReadOnlyField label={t('meeting.format')} value={t(`format.${basics.format}`)} />
            <ReadOnlyField label={t('meeting.location')} value={basics.location} />
          </>
        )}
      </div>

      <Participants doc={doc} />

      <div className="fields-subsection">
        <h3 className="fields-subtitle">
          {t('meeting.agenda')}
        </h3>
        <YTextArea text={basics.agenda} ensure={() => fieldText(doc, 'agenda')} label={t('meeting.agenda')} editable={canEdit} rows={4} placeholder={t('meeting.agendaPlaceholder')} />
      </div>
      <div className="fields-subsection">
        <h3 className="fields-subtitle">{t('meeting.keyMessages')}</h3>
        <YTextArea
          text={basics.keyMessages}
          ensure={() => fieldText(doc, 'keyMessages')}
          label={t('meeting.keyMessages')}
          editable={canEdit}
          rows={4}
          placeholder={t('meeting.keyMessagesPlaceholder')}
        />
      </div>

      <ActionPoints doc={doc} />
    </section>
  );
}
