// Commonplace supports Node.js 20.19+, 22.12+ and 24+ (README, "Requirements").
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
if (!ok) {
  console.error(
    `Commonplace needs Node.js 20.19+, 22.12+ or 24+; this is ${process.version}. Install a supported Node.js and run the command again.`,
  );
  process.exit(1);
}
