/** Renderer entry: i18n, Mantine (colour scheme follows the OS until the coordinator picks one), the app. */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './shared/ui/app.css';
import './i18n';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { theme } from './shared/ui/theme';

const root = document.getElementById('root');
if (!root) throw new Error('Haven: the #root element is missing from index.html.');

createRoot(root).render(
  <StrictMode>
    {/* Reads the document's dir, which ./i18n set from the system language before this renders. */}
    <DirectionProvider>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <Notifications position="bottom-right" limit={3} />
        <App />
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
