import { useUi } from '../state/uiStore';
import { NewDocumentDialog } from './documents/NewDocumentDialog';
import { RebuildIndexDialog } from './RebuildIndexDialog';
import { Modal } from './Modal';
import { JoinPanel } from './workspaces/JoinPanel';
import { useWorkspace } from '../state/workspaceContext';
import { t } from '../i18n';

/** The dialog that the menu, a shortcut or a button asked for. Other features register theirs here. */
export function Dialogs() {
  const { id } = useWorkspace();
  const dialog = useUi((s) => s.dialog);
  const close = () => useUi.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'new-document':
      return <NewDocumentDialog onClose={close} />;
    case 'rebuild-index':
      return <RebuildIndexDialog onClose={close} />;
    case 'join':
      return (
        <Modal title={t('sync.connect')} onClose={close}>
          <p className="muted">{t('join.connectExplain', { id })}</p>
          <JoinPanel expectWorkspaceId={id} onJoined={close} />
        </Modal>
      );
    default:
      return null;
  }
}
