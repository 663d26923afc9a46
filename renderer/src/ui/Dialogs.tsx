import { useUi } from '../state/uiStore';
import { RebuildIndexDialog } from './RebuildIndexDialog';
import { Modal } from './Modal';
import { JoinPanel } from './workspaces/JoinPanel';
import { useWorkspace } from '../state/workspaceContext';
import { t } from '../i18n';
import { lazyLoaded } from './lazyLoaded';

// Loaded when first used, not at startup: export and import pull in the DOCX writer and mammoth, and a new
// document's template is written through the editor schema.
const { Component: NewDocumentDialog } = lazyLoaded(() => import('./documents/NewDocumentDialog').then((m) => m.NewDocumentDialog), false);
const { Component: ExportDialog } = lazyLoaded(() => import('./export/ExportDialog').then((m) => m.ExportDialog), false);
const { Component: ImportDialog } = lazyLoaded(() => import('./export/ImportDialog').then((m) => m.ImportDialog), false);
const { Component: TrackedImportDialog } = lazyLoaded(() => import('./export/TrackedImportDialog').then((m) => m.TrackedImportDialog), false);

/** The dialog that the menu, a shortcut or a button asked for. Other features register theirs here. */
export function Dialogs() {
  const { id } = useWorkspace();
  const dialog = useUi((s) => s.dialog);
  const route = useUi((s) => s.route);
  const close = () => useUi.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'new-document':
      return <NewDocumentDialog onClose={close} />;
    case 'export': {
      const docIds = dialog.docIds ?? (route.screen === 'document' ? [route.docId] : []);
      return docIds.length ? <ExportDialog docIds={docIds} onClose={close} /> : null;
    }
    case 'import-docx':
      return <ImportDialog onClose={close} />;
    case 'import-changes':
      return <TrackedImportDialog docId={dialog.docId} onClose={close} />;
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
