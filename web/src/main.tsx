import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-map/icons-map.min.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import { Providers } from './app/providers';
import { App } from './app/App';

startReactDsfr({ defaultColorScheme: 'light' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
