// The document worker's entry while the API runs as TypeScript (see common/worker-file.ts):
// registers tsx in this worker thread, then hands piscina the TypeScript worker's task function.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./document-worker.ts');
export default worker.default;
