// Entry point, deliberately tiny: it starts the DuckDB worker at once (its script then loads in parallel with the
// app's code, which is what the first chart waits for), then loads the app. See src/app/start-app.tsx.
import { startDuckDBWorker } from './db/worker-start.ts';
import './styles/govuk.scss';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const started = startDuckDBWorker();
import('./app/start-app.tsx').then(
  ({ startApp }) => startApp(root, started),
  (error: unknown) => {
    root.textContent = `Therapy Equity Explorer could not start: ${String(error)}. Reload the page to try again.`;
  },
);
