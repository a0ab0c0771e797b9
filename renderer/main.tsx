import './platform/installBufferGlobal';
// First: the search worker loads its index in parallel with the rest of the start (see the module).
import './search/startSearchWorkerEarly';
// Next: the cache is opened and the runbook at this address read while the app's modules are evaluated.
import './app/startCacheEarly';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { appServices, ServicesProvider } from './app/appServices';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { requestPersistentStorage } from './pwa/requestPersistentStorage';
import './styles/theme.css';
import './styles/layout.css';
import './styles/markdown.css';
import './styles/userdata.css';
import './styles/dialogs.css';

const root = document.getElementById('rr-root');
if (!root) throw new Error('The page has no #rr-root element.');
// Created once for the life of the page; components reach it through the context, never through `window`.
const services = appServices();
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
registerServiceWorker(services.platform);
void requestPersistentStorage(services.platform);
