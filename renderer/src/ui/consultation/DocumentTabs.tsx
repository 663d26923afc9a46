import { useEffect } from 'react';
import { useUi } from '../../state/uiStore';
import { formatRoute, type Route } from '../../state/route';
import { t } from '../../i18n';
import { preloadDraftViews } from './DraftView';

export type DocumentView = 'text' | 'matrix' | 'balance';

/** Text | Comment matrix | Balance: views of one draft, each its own address (#/w/<ws>/d/<doc>[/matrix|/balance]).
 *  `balance`: whether the role receives the whole consultation (common/roles.ts readsAllComments); a commenter's
 *  matrix shows the comments the server sent them, and no Balance is offered. */
export function DocumentTabs({ workspaceId, docId, view, balance = true }: { workspaceId: string; docId: string; view: DocumentView; balance?: boolean }) {
  const navigate = useUi((s) => s.navigate);
  // The matrix and balance views load on demand; fetch them once the text is up, so the first switch is instant.
  useEffect(() => {
    const timer = window.setTimeout(() => void preloadDraftViews().catch(() => {}), 1200);
    return () => window.clearTimeout(timer);
  }, []);
  const tabs: Array<{ view: DocumentView; label: string }> = [
    { view: 'text', label: t('views.text') },
    { view: 'matrix', label: t('views.matrix') },
    ...(balance ? [{ view: 'balance' as const, label: t('views.balance') }] : []),
  ];
  return (
    <nav className="doc-tabs" aria-label={t('views.label')}>
      {tabs.map((tab) => {
        const route: Route = tab.view === 'text' ? { screen: 'document', workspaceId, docId } : { screen: 'document', workspaceId, docId, view: tab.view };
        return (
          <a
            key={tab.view}
            href={formatRoute(route)}
            className="doc-tab"
            aria-current={view === tab.view ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(route);
            }}
          >
            {tab.label}
          </a>
        );
      })}
    </nav>
  );
}
