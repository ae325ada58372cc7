// @prisma/client names the Prisma CLI and TypeScript as optional peers, for the CLI's own use.
// pnpm links an optional peer wherever the workspace has it (the db package's dev tools), which
// would put both into the API's production install (tests/deploy/production-build.test.ts);
// the client runs without them.
function readPackage(pkg) {
  if (pkg.name === '@prisma/client' && pkg.peerDependencies) {
    for (const tool of ['prisma', 'typescript']) {
      delete pkg.peerDependencies[tool];
      delete pkg.peerDependenciesMeta?.[tool];
    }
  }
  return pkg;
}

module.exports = { hooks: { readPackage } };
