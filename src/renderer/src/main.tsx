import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi, getEvents } from './api/client';
import { ShellProvider } from './shell/ShellProvider';
import { guardWindowOpen } from './shell/guardWindowOpen';
import './styles.css';
import { initReadingPrefs } from './components/settings/readingPrefs';

guardWindowOpen();
initReadingPrefs();
const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <ShellProvider api={getApi()} events={getEvents()} inElectron={window.nexus !== undefined} mac={/Mac/.test(navigator.userAgent)}>
        <App api={getApi()} />
      </ShellProvider>
    </StrictMode>,
  );
}
