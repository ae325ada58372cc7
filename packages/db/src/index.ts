export { createPrismaClient } from './client.js';
export { freePort } from './free-port.js';
export { migrate, pendingMigrations, readMigrations } from './migrations.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { repoRoot, schemaPath, migrationsDir } from './paths.js';
export * from './generated/prisma/client.js';
