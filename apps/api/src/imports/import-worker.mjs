// The import worker's entry while the API runs as TypeScript (see worker-file.ts): registers tsx
// in this worker thread, then hands piscina the TypeScript worker's task function.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./import-worker.ts');
export default worker.default;
