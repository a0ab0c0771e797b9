import './platform/installBufferGlobal';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { requestPersistentStorage } from './pwa/requestPersistentStorage';
import './styles/theme.css';
import './styles/layout.css';
import './styles/markdown.css';
import './styles/userdata.css';
import './styles/dialogs.css';

const root = document.getElementById('rr-root');
if (!root) throw new Error('The page has no #rr-root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
void requestPersistentStorage();
