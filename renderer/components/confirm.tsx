// A modal that says plainly what an action will do and waits for a yes or no. Call confirmAction()
// from anywhere; <ConfirmHost /> at the root of the app shows it. Esc, a click outside or Cancel
// say no; focus comes back to where it was.

import { useRef } from 'react';
import { useDialog } from './use-dialog';
import { create } from 'zustand';
import { t } from '../i18n/t';

interface Request {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  resolve(answer: boolean): void;
}

const useConfirmStore = create<{ request: Request | null }>(() => ({ request: null }));

export function confirmAction(options: Omit<Request, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => useConfirmStore.setState({ request: { ...options, resolve } }));
}

export function ConfirmHost() {
  const request = useConfirmStore((s) => s.request);
  return request ? <ConfirmDialog key={request.title + request.message} request={request} /> : null;
}

function ConfirmDialog({ request }: { request: Request }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const answer = (value: boolean) => {
    useConfirmStore.setState({ request: null });
    request.resolve(value);
  };
  useDialog(dialogRef, { onClose: () => answer(false), initial: confirmRef });
  return (
    <div className="gw-modal-backdrop">
      <div
        ref={dialogRef}
        className="gw-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="gw-confirm-title"
        aria-describedby="gw-confirm-message"
      >
        <h2 id="gw-confirm-title">{request.title}</h2>
        <p className="gw-confirm-message" id="gw-confirm-message">
          {request.message}
        </p>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button" onClick={() => answer(false)}>
            {t('Cancel')}
          </button>
          <button
            type="button"
            ref={confirmRef}
            className={`gw-button ${request.danger ? 'gw-danger-button' : 'gw-primary'}`}
            onClick={() => answer(true)}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
