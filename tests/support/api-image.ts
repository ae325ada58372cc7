import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@commonplace/db';

/** The API's production image, whose commands the tests and the bench run as it runs them. */
export const dockerfile = readFileSync(join(repoRoot, 'apps/api/Dockerfile'), 'utf8');
/** The image's CMD: `node` and its arguments, run in the deployed API's folder. */
export const imageCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
