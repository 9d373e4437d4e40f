// The frame of every screen, laid out from UIState alone: three status lines, the title line
// (the prompt or filter while typed), the body of the screen on top (or the dialog over it, or
// the quitting notice) and the footer. Memoised: it is drawn again only when UIState changes.
import { Box } from 'ink';
import { memo } from 'react';
import { topScreen } from '../state/navigation.js';
import { ConfirmDialog } from '../views/ConfirmDialog.js';
import { ProfileForm } from '../views/ProfileForm.js';
import { FilterBar } from '../views/FilterBar.js';
import { Footer } from '../views/Footer.js';
import { QuittingView } from '../views/QuittingView.js';
import { StatusBar } from '../views/StatusBar.js';
import { useUIState } from './contexts.js';
import { screenSpec } from './screens.js';

export const App = memo(function App() {
  const { nav, quitting, layout } = useUIState();
  const top = topScreen(nav);
  const body = quitting ? <QuittingView /> : nav.modal?.kind === 'form' ? <ProfileForm /> : nav.modal ? <ConfirmDialog /> : screenSpec(top).body(top);
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows}>
      <StatusBar />
      <FilterBar />
      <Box height={layout.bodyHeight} flexDirection="column">
        {body}
      </Box>
      <Footer />
    </Box>
  );
});
