// The team dialogs, shown over the workspace when one is open (team-store's `dialog`).

import { MergeDialog } from './MergeDialog';
import { PrepareCopiesDialog } from './PrepareCopiesDialog';
import { useTeam } from './team-store';
import { WhoIsCodingDialog } from './WhoIsCodingDialog';

export function TeamDialogs() {
  const dialog = useTeam((s) => s.dialog);
  if (dialog === 'who') return <WhoIsCodingDialog />;
  if (dialog === 'copies') return <PrepareCopiesDialog />;
  if (dialog === 'merge') return <MergeDialog />;
  return null;
}
